package io.dossierpulse.perf.load;

import io.dossierpulse.domain.agency.Agency;
import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.agency.AgencyLevel;
import io.dossierpulse.domain.catalog.Procedure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The one-stop desks that receive dossiers on one day, drawn by the directory's volume weights. A
 * level with no agency that day (districts after 1 July 2025) sends its procedures to the communes
 * and wards, as Hanoi did; city procedures go to the departments whose fields include the
 * procedure's domain, or to any department when none lists it.
 */
final class ReceivingDesks {

    /** Agencies of one kind with their cumulative weights, for a draw in O(log n). */
    private record Draw(String[] codes, long[] cumulative) {

        static Draw of(List<Agency> agencies, AgencyDirectory directory) {
            List<String> codes = new ArrayList<>();
            List<Long> sums = new ArrayList<>();
            long total = 0;
            for (Agency a : agencies) {
                int w = directory.weightOf(a.code());
                if (w > 0 && !a.isRoot()) {
                    total += w;
                    codes.add(a.code());
                    sums.add(total);
                }
            }
            return codes.isEmpty() ? null
                    : new Draw(codes.toArray(String[]::new), sums.stream().mapToLong(Long::longValue).toArray());
        }

        String pick(SplittableRandom random) {
            long x = random.nextLong(cumulative[cumulative.length - 1]);
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > x) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return codes[lo];
        }
    }

    private final Map<AgencyLevel, Draw> byLevel = new HashMap<>();
    private final Map<String, Draw> cityByDomain = new HashMap<>();
    private final AgencyDirectory directory;
    private final LocalDate day;

    ReceivingDesks(AgencyDirectory directory, LocalDate day) {
        this.directory = directory;
        this.day = day;
        for (AgencyLevel level : AgencyLevel.values()) {
            Draw d = Draw.of(directory.activeOn(day, level), directory);
            if (d != null) {
                byLevel.put(level, d);
            }
        }
        if (!byLevel.containsKey(AgencyLevel.COMMUNE)) {
            throw new IllegalStateException("the agency directory has no commune or ward with a weight on " + day);
        }
    }

    /** The receiving agency of a new dossier of this procedure. */
    String receiving(Procedure procedure, SplittableRandom random) {
        if (procedure.level() == AgencyLevel.CITY && byLevel.containsKey(AgencyLevel.CITY)) {
            return cityByDomain.computeIfAbsent(procedure.domain(), this::cityFor).pick(random);
        }
        Draw d = byLevel.get(procedure.level());
        return (d != null ? d : byLevel.get(AgencyLevel.COMMUNE)).pick(random);
    }

    /** Distinct agencies that can receive dossiers that day. */
    int size() {
        return byLevel.values().stream().mapToInt(d -> d.codes().length).sum();
    }

    private Draw cityFor(String domain) {
        List<Agency> handling = directory.activeOn(day, AgencyLevel.CITY).stream()
                .filter(a -> directory.fieldsOf(a.code()).contains(domain)).toList();
        Draw d = Draw.of(handling, directory);
        return d != null ? d : byLevel.get(AgencyLevel.CITY);
    }
}
