package io.dossierpulse.domain.indicators;

import static io.dossierpulse.domain.indicators.Measure.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void newTallyIsZero() {
        Tally t = new Tally();
        assertTrue(t.isZero());
        for (Measure m : Measure.values()) {
            assertEquals(0, t.get(m), m.name());
        }
        assertEquals(Measure.COUNT, t.toArray().length);
        assertEquals("Tally[]", t.toString());
    }

    @Test
    void addAccumulatesAndReturnsTheSameTally() {
        Tally t = new Tally();
        assertSame(t, t.add(ACCEPTED, 3));
        t.add(ACCEPTED, 2).add(OPEN_ON_TIME, 1).add(OPEN_ON_TIME, -1);
        assertEquals(5, t.get(ACCEPTED));
        assertEquals(0, t.get(OPEN_ON_TIME));
        assertFalse(t.isZero());
        t.add(ACCEPTED, -5);
        assertTrue(t.isZero());
    }

    @Test
    void mergeAddsEveryCountAndLeavesTheOtherAlone() {
        Tally a = new Tally().add(RECEIVED_ONLINE, 2).add(PT_15, 1).add(OPEN_OVERDUE, 4);
        Tally b = new Tally().add(RECEIVED_ONLINE, 5).add(RESOLVED_LATE, 1).add(OPEN_OVERDUE, -1);
        Tally bBefore = b.copy();
        assertSame(a, a.merge(b));
        assertEquals(7, a.get(RECEIVED_ONLINE));
        assertEquals(1, a.get(PT_15));
        assertEquals(1, a.get(RESOLVED_LATE));
        assertEquals(3, a.get(OPEN_OVERDUE));
        assertEquals(bBefore, b);
    }

    @Test
    void mergeIsOrderIndependent() {
        Tally a = new Tally().add(ENDED, 3).add(PT_02, 1);
        Tally b = new Tally().add(ENDED, 4).add(WITHDRAWN, 1);
        assertEquals(a.copy().merge(b), b.copy().merge(a));
    }

    @Test
    void clearZeroesEveryCountInPlace() {
        Tally t = new Tally().add(APOLOGIES, 2).add(STOPPED, -3).add(ENDED, 7);
        assertSame(t, t.clear());
        assertTrue(t.isZero());
        assertEquals(new Tally(), t);
        t.add(ENDED, 1);
        assertEquals(1, t.get(ENDED));
    }

    @Test
    void copyIsIndependent() {
        Tally t = new Tally().add(APOLOGIES, 2);
        Tally c = t.copy();
        assertEquals(t, c);
        assertEquals(t.hashCode(), c.hashCode());
        c.add(APOLOGIES, 1);
        assertEquals(2, t.get(APOLOGIES));
        t.add(STOPPED, 1);
        assertEquals(0, c.get(STOPPED));
        assertNotEquals(t, c);
    }

    @Test
    void ofShorterArrayReadsZerosForNewerMeasures() {
        long[] old = {1, 2, 3, 4};
        Tally t = Tally.of(old);
        assertEquals(1, t.get(RECEIVED_IN_PERSON));
        assertEquals(2, t.get(RECEIVED_ONLINE));
        assertEquals(3, t.get(RECEIVED_POSTAL));
        assertEquals(4, t.get(ACCEPTED));
        for (int i = 4; i < Measure.COUNT; i++) {
            assertEquals(0, t.get(Measure.of(i)), Measure.of(i).name());
        }
        t.add(PT_15, 9); // the widened tally has room for every measure
        assertEquals(9, t.get(PT_15));
        old[0] = 100;    // and does not share the short array
        assertEquals(1, t.get(RECEIVED_IN_PERSON));
        assertTrue(Tally.of(new long[0]).isZero());
    }

    @Test
    void ofFullArrayReadsTheCounts() {
        long[] counts = new long[Measure.COUNT];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i + 1;
        }
        Tally t = Tally.of(counts);
        for (Measure m : Measure.values()) {
            assertEquals(m.ordinal() + 1, t.get(m));
        }
        assertArrayEquals(counts, t.toArray());
    }

    @Test
    void toArrayIsACopy() {
        Tally t = new Tally().add(RETURNED, 6);
        long[] a = t.toArray();
        a[RETURNED.ordinal()] = 0;
        assertEquals(6, t.get(RETURNED));
        assertEquals(t, Tally.of(t.toArray()));
    }

    @Test
    void sumsByChannelOutcomeAndOpenState() {
        Tally t = new Tally().add(RECEIVED_IN_PERSON, 1).add(RECEIVED_ONLINE, 2).add(RECEIVED_POSTAL, 4)
            .add(RESOLVED_EARLY, 10).add(RESOLVED_ON_TIME, 20).add(RESOLVED_LATE, 40)
            .add(OPEN_ON_TIME, 100).add(OPEN_OVERDUE, 200).add(RECEIVED_UNREGISTERED, 1000);
        assertEquals(7, t.received());
        assertEquals(70, t.resolved());
        assertEquals(300, t.open());
    }

    @Test
    void toStringListsNonZeroCountsOnly() {
        assertEquals("Tally[RECEIVED_ONLINE=2 PT_01=1 ]", new Tally().add(PT_01, 1).add(RECEIVED_ONLINE, 2).toString());
    }

    @Test
    void storedLayoutIsPinned() {
        // The order is the stored layout: this list may only grow at the end.
        String expected = "RECEIVED_IN_PERSON RECEIVED_ONLINE RECEIVED_POSTAL ACCEPTED NOT_ACCEPTED RESOLVED_EARLY "
            + "RESOLVED_ON_TIME RESOLVED_LATE RETURNED WITHDRAWN STOPPED SUPPLEMENT_REQUESTS APOLOGIES OPEN_ON_TIME "
            + "OPEN_OVERDUE ENDED_FEE_BEARING ENDED_PAID_ONLINE ENDED_DIGITIZED ENDED RECEIVED_UNREGISTERED "
            + "PT_00 PT_01 PT_02 PT_03 PT_04 PT_05 PT_06 PT_07 PT_08 PT_09 PT_10 PT_11 PT_12 PT_13 PT_14 PT_15 "
            + "SOURCE_DUE_EARLIER SOURCE_DUE_LATER";
        String actual = String.join(" ", Arrays.stream(Measure.values()).map(Enum::name).toList());
        assertTrue(actual.startsWith(expected), actual);
        for (int b = 0; b < 16; b++) {
            assertEquals(PT_00.ordinal() + b, Measure.processingTimeBucket(b).ordinal());
        }
        for (Measure m : Measure.values()) {
            assertSame(m, Measure.of(m.ordinal()));
        }
    }
}
