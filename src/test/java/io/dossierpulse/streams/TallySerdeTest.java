package io.dossierpulse.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.indicators.Measure;
import io.dossierpulse.domain.indicators.Tally;
import java.util.SplittableRandom;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TallySerdeTest {

    private final TallySerde serde = new TallySerde();

    @Test
    void roundTripsRandomTalliesIncludingNegativeAndHugeCounts() {
        SplittableRandom random = new SplittableRandom(766);
        for (int trial = 0; trial < 2_000; trial++) {
            Tally t = new Tally();
            for (Measure m : Measure.values()) {
                long v = switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> random.nextLong(-5, 300);
                    case 2 -> random.nextLong();
                    default -> random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
                };
                t.add(m, v);
            }
            assertEquals(t, serde.deserialize("t", serde.serialize("t", t)), "trial " + trial);
        }
    }

    @Test
    void aTypicalTallyIsSmall() {
        Tally t = new Tally().add(Measure.RECEIVED_ONLINE, 120).add(Measure.ACCEPTED, 118)
                .add(Measure.OPEN_ON_TIME, 40).add(Measure.RESOLVED_ON_TIME, 75).add(Measure.PT_05, 60);
        int size = serde.serialize("t", t).length;
        assertTrue(size <= 2 + Measure.COUNT + 8, "a typical tally takes " + size + " bytes");
    }

    @Test
    void readsAnOlderLayoutWithFewerMeasures() {
        byte[] old = {io.dossierpulse.domain.indicators.TallyCodec.VERSION, 3, 2, 4, 6}; // zig-zag 1, 2, 3
        Tally t = serde.deserialize("t", old);
        assertEquals(1, t.get(Measure.RECEIVED_IN_PERSON));
        assertEquals(2, t.get(Measure.RECEIVED_ONLINE));
        assertEquals(3, t.get(Measure.RECEIVED_POSTAL));
        assertEquals(0, t.get(Measure.ACCEPTED));
    }

    @Test
    void refusesUnknownOrTruncatedBytes() {
        assertThrows(SerializationException.class, () -> serde.deserialize("t", new byte[] {9, 1, 0}));
        assertThrows(SerializationException.class, () -> serde.deserialize("t", new byte[] {1, 2, 0}));
        assertThrows(SerializationException.class, () -> serde.deserialize("t", new byte[] {1, (byte) 200}));
    }
}
