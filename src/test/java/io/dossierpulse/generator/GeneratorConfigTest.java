package io.dossierpulse.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {

    @Test
    void defaultsFollowTheHanoiFigures() {
        GeneratorConfig c = GeneratorConfig.defaults();
        assertEquals(12_000, c.dossiersPerDay());
        assertEquals(Instant.parse("2024-12-31T17:00:00Z"), c.start());
        assertEquals(0.5971, c.onlineShare());
        assertEquals(0.0024, c.postalShare());
        assertEquals(0, c.maxDossiers());
        assertNull(c.submitUntil());
        assertEquals("HN", c.idPrefix());
    }

    @Test
    void withersChangeOneKnob() {
        GeneratorConfig c = GeneratorConfig.defaults().withSeed(9).withDossiersPerDay(50).withMaxDossiers(10)
                .withSubmitUntil(Instant.EPOCH).withIdPrefix("HCM").withStart(Instant.EPOCH)
                .withChannels(0.5, 0.1).withOutcomes(0.1, 0.1, 0.1, 0.2, 0.2, 0.3, 0.4);
        assertEquals(9, c.seed());
        assertEquals(50, c.dossiersPerDay());
        assertEquals(10, c.maxDossiers());
        assertEquals(Instant.EPOCH, c.submitUntil());
        assertEquals("HCM", c.idPrefix());
        assertEquals(0.1, c.postalShare());
        assertEquals(0.3, c.lateShare());
        assertEquals(0.4, c.apologyShareOfLate());
    }

    @Test
    void rejectsNonsense() {
        GeneratorConfig d = GeneratorConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withDossiersPerDay(0));
        assertThrows(IllegalArgumentException.class, () -> d.withDossiersPerDay(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxDossiers(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withIdPrefix("HN-2025"));
        assertThrows(IllegalArgumentException.class, () -> d.withIdPrefix("ABCDEFGHIJKLMNOPQ"));
        assertThrows(IllegalArgumentException.class, () -> d.withChannels(0.9, 0.2));
        assertThrows(IllegalArgumentException.class, () -> d.withChannels(-0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> d.withOutcomes(0.5, 0.4, 0.2, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> d.withOutcomes(0, 0, 0, 0.6, 0.5, 0, 0));
        assertThrows(NullPointerException.class, () -> d.withStart(null));
    }
}
