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
    void roundTripsTheSlaPart() {
        DossierState s = DossierState.start(Events.event("HN-SLA", 1, EventType.ACCEPTED, Events.T0))
                .withSla(new io.dossierpulse.domain.sla.SlaClock(100, 200, 150, 300, io.dossierpulse.domain.sla.SlaClock.NONE,
                        2, 3), DossierState.Flag.REGISTERED | DossierState.Flag.BREACH_SENT,
                        io.dossierpulse.domain.sla.Outcome.LATE);
        DossierState back = serde.deserialize("t", serde.serialize("t", s));
        assertEquals(s, back);
        assertEquals(3, back.clock().supplementRequests());
        assertTrue(back.has(DossierState.Flag.BREACH_SENT));
    }

    @Test
    void readsTheFirstLayoutWithoutAnSlaPart() {
        DossierState s = DossierState.start(Events.event("OLD", 1, EventType.SUBMITTED, Events.T0));
        byte[] v2 = serde.serialize("t", s);
        // Version 1 is version 2 without the trailing SLA part (presence byte, flags int, outcome byte).
        byte[] v1 = java.util.Arrays.copyOf(v2, v2.length - 6);
        v1[0] = 1;
        DossierState back = serde.deserialize("t", v1);
        assertEquals(s.dossierId(), back.dossierId());
        assertEquals(s.lastSeq(), back.lastSeq());
        assertEquals(null, back.clock());
        assertEquals(0, back.flags());
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
