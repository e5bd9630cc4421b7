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
        DossierState s = DossierState.start(Events.event("HN-Đống-Đa-1", 1, EventType.SUBMITTED, Events.T0), 0)
                .apply(Events.event("HN-Đống-Đa-1", 2, EventType.ACCEPTED, Events.T0.plusSeconds(60)), 1_000)
                .apply(Events.event("HN-Đống-Đa-1", 3, EventType.TRANSFERRED, Events.T0.plusSeconds(120)), 2_000)
                .skipTo(6);
        DossierState back = serde.deserialize("t", serde.serialize("t", s));
        assertEquals(s, back);
        assertEquals("Q-BD", back.currentAgencyCode());
        assertTrue(back.skipped(4) && back.skipped(5));
    }

    @Test
    void roundTripsTheSlaPart() {
        DossierState s = DossierState.start(Events.event("HN-SLA", 1, EventType.ACCEPTED, Events.T0), 0)
                .withSla(new io.dossierpulse.domain.sla.SlaClock(100, 200, 150, 300, io.dossierpulse.domain.sla.SlaClock.NONE,
                        2, 3, 2, 0b101), DossierState.Flag.REGISTERED | DossierState.Flag.BREACH_SENT,
                        io.dossierpulse.domain.sla.Outcome.LATE);
        DossierState back = serde.deserialize("t", serde.serialize("t", s));
        assertEquals(s, back);
        assertEquals(3, back.clock().supplementRequests());
        assertEquals(2, back.clock().reappointments());
        assertTrue(back.clock().stepLate(0) && back.clock().stepLate(2) && !back.clock().stepLate(1));
        assertTrue(back.has(DossierState.Flag.BREACH_SENT));
    }

    @Test
    void readsTheFirstLayoutWithoutAnSlaPart() {
        DossierState s = DossierState.start(Events.event("OLD", 1, EventType.SUBMITTED, Events.T0), 5_000);
        // Version 1 is version 2 without the trailing SLA part (presence byte, flags int, outcome byte).
        byte[] v2 = withoutArrival(v3(v4(serde.serialize("t", s), false)), false);
        byte[] v1 = java.util.Arrays.copyOf(v2, v2.length - 6);
        v1[0] = 1;
        DossierState back = serde.deserialize("t", v1);
        assertEquals(s.dossierId(), back.dossierId());
        assertEquals(s.lastSeq(), back.lastSeq());
        assertEquals(null, back.clock());
        assertEquals(0, back.flags());
        assertEquals(0, back.lateArrivalMillis());
    }

    @Test
    void readsTheSecondLayoutWithoutAnArrivalTime() {
        DossierState s = DossierState.start(Events.event("OLD", 1, EventType.ACCEPTED, Events.T0), 5_000)
                .withSla(new io.dossierpulse.domain.sla.SlaClock(100, 200, io.dossierpulse.domain.sla.SlaClock.NONE,
                        io.dossierpulse.domain.sla.SlaClock.NONE, io.dossierpulse.domain.sla.SlaClock.NONE, 0, 0, 0, 0),
                        DossierState.Flag.REGISTERED, null);
        byte[] v2 = withoutArrival(v3(v4(serde.serialize("t", s), true)), true);
        v2[0] = 2;
        DossierState back = serde.deserialize("t", v2);
        assertEquals(s.clock(), back.clock());
        assertEquals(s.lastSeq(), back.lastSeq());
        assertEquals(0, back.lateArrivalMillis(), "an old state counts as settled long ago");
    }

    /**
     * Version 4 is version 5 without the trailing source's new appointment and without the clock's
     * last two ints, the re-appointment count and the late steps.
     */
    private static byte[] v4(byte[] v5WithNewDue, boolean hasClock) {
        byte[] v5 = java.util.Arrays.copyOf(v5WithNewDue, v5WithNewDue.length - 8); // the source's new appointment
        byte[] out;
        if (hasClock) {
            int at = v5.length - 8 - 1 - 4 - 8; // before the source appointment, outcome, flags and the two ints
            out = new byte[v5.length - 8];
            System.arraycopy(v5, 0, out, 0, at);
            System.arraycopy(v5, at + 8, out, at, v5.length - at - 8);
        } else {
            out = v5.clone();
        }
        out[0] = 4;
        return out;
    }

    @Test
    void readsTheFourthLayoutWithoutAReappointmentCount() {
        io.dossierpulse.domain.sla.SlaClock none = new io.dossierpulse.domain.sla.SlaClock(100, 200,
                io.dossierpulse.domain.sla.SlaClock.NONE, io.dossierpulse.domain.sla.SlaClock.NONE,
                io.dossierpulse.domain.sla.SlaClock.NONE, 0, 1, 0, 0);
        DossierState s = DossierState.start(Events.event("V4", 1, EventType.ACCEPTED, Events.T0), 0)
                .withSla(none, DossierState.Flag.REGISTERED, null);
        DossierState back = serde.deserialize("t", v4(serde.serialize("t", s), true));
        assertEquals(s, back);
        // A stored appointment was the one apology the state knew of: the count is read as 1.
        io.dossierpulse.domain.sla.SlaClock given = new io.dossierpulse.domain.sla.SlaClock(100, 200,
                io.dossierpulse.domain.sla.SlaClock.NONE, 400, io.dossierpulse.domain.sla.SlaClock.NONE, 0, 1, 1, 0);
        DossierState r = s.withSla(given, DossierState.Flag.REGISTERED, null);
        byte[] v4 = v4(serde.serialize("t", r), true);
        assertEquals(4, v4[0]);
        assertEquals(r, serde.deserialize("t", v4));
    }

    /** Version 3 is version 4 without the trailing source appointment. */
    private static byte[] v3(byte[] v4) {
        byte[] out = java.util.Arrays.copyOf(v4, v4.length - 8);
        out[0] = 3;
        return out;
    }

    @Test
    void readsTheThirdLayoutWithoutASourceAppointment() {
        DossierState s = DossierState.start(Events.event("V3", 1, EventType.SUBMITTED, Events.T0), 7);
        DossierState back = serde.deserialize("t", v3(v4(serde.serialize("t", s), false)));
        assertEquals(s.lastSeq(), back.lastSeq());
        assertEquals(7, back.lateArrivalMillis());
        assertEquals(null, back.sourceDueAt());
    }

    /** Version 3 bytes of a state with one remembered eventId and no skipped seq, the arrival time cut out. */
    private static byte[] withoutArrival(byte[] v3, boolean hasClock) {
        // After the arrival time: last seq, transitions, one eventId hash, no skipped seq, then the SLA
        // part (presence byte, the clock's 5 longs and 2 ints when present, flags int, outcome byte).
        int after = 8 + 4 + (1 + 8) + 1 + 1 + (hasClock ? 48 : 0) + 4 + 1;
        int at = v3.length - after - 8;
        byte[] out = new byte[v3.length - 8];
        System.arraycopy(v3, 0, out, 0, at);
        System.arraycopy(v3, at + 8, out, at, after);
        return out;
    }

    @Test
    void roundTripsAStateWithoutOptionalParts() {
        DossierState s = DossierState.start(Events.event("D", 1, EventType.ACCEPTED, Instant.EPOCH.plusSeconds(1)), 0);
        assertEquals(s, serde.deserialize("t", serde.serialize("t", s)));
    }

    @Test
    void isCompact() {
        DossierState s = DossierState.start(Events.event("HN-2025-000001234", 1, EventType.SUBMITTED, Events.T0), 0);
        int size = serde.serialize("t", s).length;
        assertTrue(size < 130, "a fresh dossier serialises to " + size + " bytes");
    }

    @Test
    void refusesUnknownVersionsAndCorruptBytes() {
        assertThrows(SerializationException.class, () -> serde.deserialize("t", new byte[] {9, 1, 1}));
        assertThrows(SerializationException.class, () -> serde.deserialize("t", new byte[] {1, 4}));
    }
}
