package io.dossierpulse.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.dossier.DossierState;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class DossierStateSerdeTest {

    private final DossierStateSerde serde = new DossierStateSerde();

    @Test
    void roundTripsAStateWithEveryField() {
        DossierState s = DossierState.start(Events.event("HN-Đống-Đa-1", 1, EventType.SUBMITTED, Events.T0))
                .apply(Events.event("HN-Đống-Đa-1", 2, EventType.ACCEPTED, Events.T0.plusSeconds(60)))
                .apply(Events.event("HN-Đống-Đa-1", 3, EventType.TRANSFERRED, Events.T0.plusSeconds(120)))
                .skipTo(6);
        DossierState back = serde.deserialize("t", serde.serialize("t", s));
        assertEquals(s, back);
        assertEquals("Q-BD", back.currentAgencyCode());
        assertTrue(back.skipped(4) && back.skipped(5));
    }

    @Test
    void roundTripsAStateWithoutOptionalParts() {
        DossierState s = DossierState.start(Events.event("D", 1, EventType.ACCEPTED, Instant.EPOCH.plusSeconds(1)));
        assertEquals(s, serde.deserialize("t", serde.serialize("t", s)));
    }

    @Test
    void isCompact() {
        DossierState s = DossierState.start(Events.event("HN-2025-000001234", 1, EventType.SUBMITTED, Events.T0));
        int size = serde.serialize("t", s).length;
        assertTrue(size < 120, "a fresh dossier serialises to " + size + " bytes");
    }

    @Test
    void refusesUnknownVersionsAndCorruptBytes() {
        assertThrows(SerializationException.class, () -> serde.deserialize("t", new byte[] {9, 1, 1}));
        assertThrows(SerializationException.class, () -> serde.deserialize("t", new byte[] {1, 4}));
    }
}
