package io.dossierpulse.domain.indicators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Agencies ranked by the total of their computable Decision 766 points: highest first, ties by agency
 * code (ascending, by {@link String#compareTo}), so the order does not depend on the map's.
 */
public record Scoreboard(List<Row> rows) {

    /** One agency: its indicators and their total points. */
    public record Row(String agencyCode, Indicators indicators, double score) {
    }

    private static final Comparator<Row> ORDER = Comparator.comparingDouble(Row::score).reversed()
        .thenComparing(Row::agencyCode);

    public Scoreboard {
        rows = List.copyOf(rows);
    }

    /** Scores each agency's tally (already rolled up per agency by the caller). */
    public static Scoreboard of(Map<String, Tally> byAgency) {
        List<Row> rows = new ArrayList<>(byAgency.size());
        for (Map.Entry<String, Tally> e : byAgency.entrySet()) {
            String agency = Objects.requireNonNull(e.getKey(), "agency code");
            Indicators indicators = Indicators.of(Objects.requireNonNull(e.getValue(), agency));
            rows.add(new Row(agency, indicators, indicators.total()));
        }
        rows.sort(ORDER);
        return new Scoreboard(rows);
    }
}
