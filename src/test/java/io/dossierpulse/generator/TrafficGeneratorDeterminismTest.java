package io.dossierpulse.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class TrafficGeneratorDeterminismTest {

    private static List<DossierEvent> first(GeneratorConfig config, int n) {
        TrafficGenerator g = TrafficGenerator.hanoi(config);
        List<DossierEvent> out = new ArrayList<>(Math.min(n, 4096));
        for (int i = 0; i < n && g.hasNext(); i++) {
            out.add(g.next());
        }
        return out;
    }

    @Test
    void sameSeedSameSequence() {
        GeneratorConfig c = GeneratorConfig.defaults().withSeed(2025);
        List<DossierEvent> a = first(c, 40_000);
        List<DossierEvent> b = first(c, 40_000);
        assertEquals(40_000, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i), "event " + i);
        }
    }

    @Test
    void differentSeedDifferentSequence() {
        List<DossierEvent> a = first(GeneratorConfig.defaults().withSeed(1), 2_000);
        List<DossierEvent> b = first(GeneratorConfig.defaults().withSeed(2), 2_000);
        assertNotEquals(a, b);
        long sameTime = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).occurredAt().equals(b.get(i).occurredAt())) {
                sameTime++;
            }
        }
        assertTrue(sameTime < 10, "timestamps should differ almost everywhere: " + sameTime);
    }

    @Test
    void streamMatchesIterator() {
        GeneratorConfig c = GeneratorConfig.defaults().withSeed(5).withMaxDossiers(300);
        List<DossierEvent> viaStream = TrafficGenerator.hanoi(c).stream().toList();
        List<DossierEvent> viaIterator = first(c, Integer.MAX_VALUE);
        assertEquals(viaIterator, viaStream);
        assertTrue(viaStream.size() > 1_500, "300 dossiers, five or more events each: " + viaStream.size());
    }

    @Test
    void boundedRunEndsAndCountsProgress() {
        TrafficGenerator g = TrafficGenerator.hanoi(GeneratorConfig.defaults().withMaxDossiers(1_000));
        assertEquals(0, g.generated());
        assertEquals(g.config().start(), g.simulatedTime());
        long submitted = 0;
        DossierEvent last = null;
        while (g.hasNext()) {
            last = g.next();
            if (last.type() == EventType.SUBMITTED) {
                submitted++;
            }
            assertEquals(last.occurredAt(), g.simulatedTime());
        }
        assertEquals(1_000, submitted);
        assertEquals(1_000, g.dossiersSubmitted());
        assertEquals(0, g.openDossiers());
        assertTrue(g.peakOpenDossiers() > 0 && g.peakOpenDossiers() <= 1_000);
        assertTrue(last.type().resultingStatus().isFinal(), "the last event ends a dossier: " + last.type());
        assertFalse(g.hasNext());
        assertThrows(NoSuchElementException.class, g::next);
    }

    @Test
    void idPrefixAndFirstIds() {
        List<DossierEvent> events = first(GeneratorConfig.defaults().withIdPrefix("HNT"), 1);
        assertEquals("HNT-2025-000000001", events.get(0).dossierId());
        assertEquals("HNT-2025-000000001-1", events.get(0).eventId());
        assertEquals(EventType.SUBMITTED, events.get(0).type());
    }
}
