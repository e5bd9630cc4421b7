package io.dossierpulse.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ring against a plain list of everything appended, over random interleavings of writers and readers. */
class FeedRingTest {

    @Test
    void readersSeeEveryEventInOrderOrAreToldExactlyWhatTheyMissed() {
        long seed = System.nanoTime();
        Random rnd = new Random(seed);
        for (int round = 0; round < 300; round++) {
            int capacity = 1 + rnd.nextInt(40);
            FeedRing ring = new FeedRing(capacity, "r" + round);
            List<String> all = new ArrayList<>();
            int readers = 1 + rnd.nextInt(4);
            long[] position = new long[readers];
            List<List<String>> seen = new ArrayList<>();
            List<List<String>> missed = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                seen.add(new ArrayList<>());
                missed.add(new ArrayList<>());
            }
            for (int step = 0; step < 400; step++) {
                if (rnd.nextInt(3) > 0) {
                    String e = "e" + all.size();
                    assertEquals(all.size() + 1, ring.append(e), "seed " + seed);
                    all.add(e);
                } else {
                    int r = rnd.nextInt(readers);
                    if (rnd.nextInt(10) == 0) { // a reconnect with the id of the last event seen
                        position[r] = ring.positionOf(ring.id(position[r]));
                        assertTrue(position[r] >= 0, "seed " + seed);
                    }
                    FeedRing.Batch b = ring.after(position[r], 1 + rnd.nextInt(2 * capacity));
                    long first = b.entries().isEmpty() ? -1 : b.entries().get(0).seq();
                    if (b.gap()) {
                        for (long s = position[r] + 1; s < first; s++) {
                            missed.get(r).add(all.get((int) s - 1));
                        }
                    } else if (first > 0) {
                        assertEquals(position[r] + 1, first, "no event skipped without a gap, seed " + seed);
                    }
                    for (FeedRing.Entry e : b.entries()) {
                        assertEquals(all.get((int) e.seq() - 1), e.json(), "seed " + seed);
                        seen.get(r).add(e.json());
                        position[r] = e.seq();
                    }
                }
            }
            for (int r = 0; r < readers; r++) { // drain
                for (FeedRing.Batch b = ring.after(position[r], capacity); !b.entries().isEmpty();
                        b = ring.after(position[r], capacity)) {
                    long first = b.entries().get(0).seq();
                    if (b.gap()) {
                        for (long s = position[r] + 1; s < first; s++) {
                            missed.get(r).add(all.get((int) s - 1));
                        }
                    }
                    for (FeedRing.Entry e : b.entries()) {
                        seen.get(r).add(e.json());
                        position[r] = e.seq();
                    }
                }
                List<String> union = new ArrayList<>(seen.get(r));
                union.addAll(missed.get(r));
                union.sort(java.util.Comparator.comparingInt(s -> Integer.parseInt(s.substring(1))));
                assertEquals(all, union, "every event is either seen or reported missed, seed " + seed);
                assertEquals(seen.get(r).size() + missed.get(r).size(), all.size(), "none twice, seed " + seed);
            }
        }
    }

    @Test
    void idsOfAnotherRunOrMalformedOnesAreUnknown() {
        FeedRing ring = new FeedRing(10, "abc");
        ring.append("x");
        ring.append("y");
        assertEquals(2, ring.positionOf(null), "no id: from now");
        assertEquals(1, ring.positionOf("abc-1"));
        assertEquals(-1, ring.positionOf("zzz-1"), "another run");
        assertEquals(-1, ring.positionOf("abc-9"), "not yet appended");
        assertEquals(-1, ring.positionOf("abc-x"));
        assertEquals(-1, ring.positionOf("abc"));
        assertEquals(List.of("y", "x"), ring.latest(5));
        assertFalse(ring.after(0, 5).gap());
    }
}
