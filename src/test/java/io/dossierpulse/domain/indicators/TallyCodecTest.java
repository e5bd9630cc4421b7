package io.dossierpulse.domain.indicators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TallyCodecTest {

    @Test
    void randomTalliesSurviveTheRoundTrip() {
        long seed = 7L;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 2000; i++) {
            long[] counts = new long[Measure.COUNT];
            for (int m = 0; m < counts.length; m++) {
                counts[m] = switch (rnd.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> rnd.nextLong(-200, 200);
                    case 2 -> rnd.nextLong();
                    default -> rnd.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
                };
            }
            Tally t = Tally.of(counts);
            assertEquals(t, TallyCodec.decode(TallyCodec.encode(t)), "seed " + seed + ", case " + i);
        }
    }

    @Test
    void aTypicalPartialIsSmall() {
        Tally t = new Tally().add(Measure.RECEIVED_ONLINE, 12).add(Measure.ACCEPTED, 11)
                .add(Measure.RESOLVED_ON_TIME, 9).add(Measure.OPEN_ON_TIME, 3).add(Measure.PT_04, 9);
        byte[] bytes = TallyCodec.encode(t);
        assertEquals(2 + Measure.COUNT, bytes.length);
        assertArrayEquals(bytes, TallyCodec.encode(t.copy()));
    }

    @Test
    void decodingAddsIntoTheAccumulator() {
        Tally acc = new Tally().add(Measure.ACCEPTED, 5);
        TallyCodec.addTo(TallyCodec.encode(new Tally().add(Measure.ACCEPTED, 2).add(Measure.RETURNED, -1)), acc);
        assertEquals(new Tally().add(Measure.ACCEPTED, 7).add(Measure.RETURNED, -1), acc);
    }

    @Test
    void olderLayoutsReadAsZerosAndNewerMeasuresAreSkipped() {
        byte[] older = {TallyCodec.VERSION, 4, 0, 0, 0, 6}; // ACCEPTED = 3
        assertEquals(new Tally().add(Measure.ACCEPTED, 3), TallyCodec.decode(older));

        byte[] current = TallyCodec.encode(new Tally().add(Measure.PT_15, 1));
        byte[] newer = new byte[current.length + 2];
        System.arraycopy(current, 0, newer, 0, current.length);
        newer[1] = (byte) (Measure.COUNT + 2);
        newer[current.length] = 8;
        newer[current.length + 1] = 10;
        assertEquals(new Tally().add(Measure.PT_15, 1), TallyCodec.decode(newer));
    }

    @Test
    void somethingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TallyCodec.decode(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> TallyCodec.decode(new byte[] {9, 1, 0}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TallyCodec.decode(new byte[] {TallyCodec.VERSION, 3, 0, (byte) 0x80}));
        assertTrue(e.getMessage().contains("truncated"));
    }
}
