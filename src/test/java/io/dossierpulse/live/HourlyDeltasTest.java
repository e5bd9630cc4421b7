package io.dossierpulse.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HourlyDeltasTest {

    @Test
    void growthBetweenSamplesLandsInTheHourOfTheLaterSample() {
        HourlyDeltas d = new HourlyDeltas(48);
        long day = 20_000;
        long h = day * 24 + 9;
        d.sample(h, day, 100, 40);          // baseline: before this run, placed nowhere
        assertEquals(0, d.received(h));
        d.sample(h, day, 130, 45);
        d.sample(h + 1, day, 131, 50);
        assertEquals(30, d.received(h));
        assertEquals(5, d.resolved(h));
        assertEquals(1, d.received(h + 1));
        assertEquals(5, d.resolved(h + 1));
        // Midnight: the new day's totals all happened since.
        d.sample(day * 24 + 24, day + 1, 3, 0);
        assertEquals(3, d.received(day * 24 + 24));
        // A view rebuilt smaller is a new baseline, not a negative hour.
        d.sample(day * 24 + 25, day + 1, 1, 0);
        d.sample(day * 24 + 25, day + 1, 4, 0);
        assertEquals(3, d.received(day * 24 + 25));
    }
}
