package io.dossierpulse.domain.indicators;

import static io.dossierpulse.domain.indicators.Measure.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ScoreboardTest {

    private static List<String> codes(Scoreboard b) {
        return b.rows().stream().map(Scoreboard.Row::agencyCode).toList();
    }

    /** Only online receipts: 12 points out of 12. */
    private static Tally onlineOnly() {
        return new Tally().add(RECEIVED_ONLINE, 1);
    }

    /** Only open dossiers, 3 of 5 within time: 20 x 0.6 = 12 points out of 20. */
    private static Tally openOnly() {
        return new Tally().add(OPEN_ON_TIME, 3).add(OPEN_OVERDUE, 2);
    }

    /** All counts perfect: 70 points. */
    private static Tally perfect() {
        return new Tally().add(RECEIVED_ONLINE, 4).add(RESOLVED_EARLY, 4).add(ENDED, 4)
            .add(ENDED_DIGITIZED, 4).add(ENDED_FEE_BEARING, 2).add(ENDED_PAID_ONLINE, 2);
    }

    @Test
    void emptyMapEmptyBoard() {
        assertTrue(Scoreboard.of(Map.of()).rows().isEmpty());
    }

    @Test
    void highestTotalFirst() {
        Map<String, Tally> m = new HashMap<>();
        m.put("A", onlineOnly());
        m.put("B", perfect());
        m.put("C", new Tally());
        m.put("D", new Tally().add(RESOLVED_LATE, 1));
        Scoreboard b = Scoreboard.of(m);
        assertEquals(List.of("B", "A", "C", "D"), codes(b));
        assertEquals(70.0, b.rows().get(0).score(), 1e-9);
        assertEquals(12.0, b.rows().get(1).score(), 1e-9);
        assertEquals(0.0, b.rows().get(2).score());
        assertEquals(0.0, b.rows().get(3).score());
    }

    @Test
    void equalTotalsByAgencyCode() {
        Map<String, Tally> m = new HashMap<>();
        m.put("HN-10", openOnly());
        m.put("HN-02", onlineOnly());
        m.put("HN-01", openOnly());
        Scoreboard b = Scoreboard.of(m);
        // same total (12) from different indicators: code order, by String order ("HN-01" < "HN-02" < "HN-10")
        assertEquals(List.of("HN-01", "HN-02", "HN-10"), codes(b));
        for (Scoreboard.Row r : b.rows()) {
            assertEquals(12.0, r.score());
        }
    }

    @Test
    void rowCarriesTheAgencyIndicatorsAndTheirTotal() {
        Tally t = perfect();
        Scoreboard.Row row = Scoreboard.of(Map.of("SO-TP", t)).rows().get(0);
        assertEquals("SO-TP", row.agencyCode());
        assertEquals(Indicators.of(t), row.indicators());
        assertEquals(row.indicators().total(), row.score());
    }

    @Test
    void sameOrderWhateverTheMapOrder() {
        SplittableRandom rnd = new SplittableRandom(42);
        List<String> agencies = new ArrayList<>();
        Map<String, Tally> hash = new HashMap<>();
        for (int a = 0; a < 60; a++) {
            String code = "AG-" + rnd.nextInt(1_000);
            // a few shapes only, so that ties are frequent
            Tally t = switch (rnd.nextInt(4)) {
                case 0 -> onlineOnly();
                case 1 -> openOnly();
                case 2 -> perfect();
                default -> new Tally().add(RESOLVED_ON_TIME, rnd.nextInt(5)).add(RESOLVED_LATE, 1 + rnd.nextInt(5));
            };
            hash.put(code, t);
            agencies.add(code);
        }
        Collections.reverse(agencies);
        Map<String, Tally> linked = new LinkedHashMap<>();
        for (String code : agencies) {
            linked.put(code, hash.get(code));
        }
        Scoreboard expected = Scoreboard.of(new TreeMap<>(hash));
        assertEquals(expected, Scoreboard.of(hash));
        assertEquals(expected, Scoreboard.of(linked));
        List<Scoreboard.Row> rows = expected.rows();
        for (int k = 1; k < rows.size(); k++) {
            Scoreboard.Row prev = rows.get(k - 1);
            Scoreboard.Row row = rows.get(k);
            assertTrue(prev.score() > row.score()
                || prev.score() == row.score() && prev.agencyCode().compareTo(row.agencyCode()) < 0, "row " + k);
        }
    }

    @Test
    void rowsAreReadOnly() {
        Scoreboard b = Scoreboard.of(Map.of("A", onlineOnly()));
        assertThrows(UnsupportedOperationException.class, () -> b.rows().add(b.rows().get(0)));
        List<Scoreboard.Row> source = new ArrayList<>(b.rows());
        Scoreboard copy = new Scoreboard(source);
        source.clear();
        assertEquals(1, copy.rows().size());
    }

    @Test
    void nullAgencyOrTallyIsRefused() {
        Map<String, Tally> nullCode = new HashMap<>();
        nullCode.put(null, onlineOnly());
        assertThrows(NullPointerException.class, () -> Scoreboard.of(nullCode));
        Map<String, Tally> nullTally = new HashMap<>();
        nullTally.put("A", null);
        assertThrows(NullPointerException.class, () -> Scoreboard.of(nullTally));
    }
}
