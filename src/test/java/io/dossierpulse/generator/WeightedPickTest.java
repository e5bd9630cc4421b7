package io.dossierpulse.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedPickTest {

    @Test
    void drawsInProportionAndSkipsZeroWeights() {
        WeightedPick<String> pick = new WeightedPick<>(List.of("a", "b", "none", "c"), List.of(1, 3, 0, 6));
        assertEquals(3, pick.size());
        assertEquals(10.0, pick.total());
        SplittableRandom rnd = new SplittableRandom(99);
        Map<String, Integer> counts = new HashMap<>();
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            counts.merge(pick.pick(rnd), 1, Integer::sum);
        }
        assertEquals(0.1, counts.get("a") / (double) n, 0.01);
        assertEquals(0.3, counts.get("b") / (double) n, 0.01);
        assertEquals(0.6, counts.get("c") / (double) n, 0.01);
        assertTrue(!counts.containsKey("none"));
    }

    @Test
    void emptyAndMismatched() {
        WeightedPick<String> empty = new WeightedPick<>(List.of("x"), List.of(0));
        assertTrue(empty.isEmpty());
        assertNull(empty.pick(new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> new WeightedPick<>(List.of("x"), List.of(1, 2)));
    }
}
