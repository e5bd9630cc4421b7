package io.dossierpulse.generator;

import io.dossierpulse.domain.agency.Agency;
import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.agency.AgencyLevel;
import io.dossierpulse.domain.catalog.Procedure;
import io.dossierpulse.domain.catalog.ProcedureStep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chooses agencies from the directory as it stands on the day of each event. The hierarchy is
 * constant between the directory's change dates, so everything is computed once per such era and
 * cached: draws by weight per level, and per field of administration for city bodies.
 *
 * <p>A level with no agency on the day stands in for the nearest one that has: after 1 July 2025
 * district-level procedures go to communes and wards, as they did in Hanoi.
 */
final class AgencyPicker {

    private final AgencyDirectory directory;
    private final long[] eraStartDays;
    private final Era[] eras;

    /** The directory as it stands during one era. */
    private static final class Era {
        final LocalDate start;
        final List<WeightedPick<Agency>> byLevel = new ArrayList<>();
        final Map<String, WeightedPick<Agency>> cityByField = new HashMap<>();
        final Map<String, Agency> cityByStepName = new HashMap<>();

        Era(LocalDate start) {
            this.start = start;
        }
    }

    AgencyPicker(AgencyDirectory directory) {
        this.directory = directory;
        List<LocalDate> starts = directory.changeDates();
        this.eraStartDays = new long[starts.size()];
        this.eras = new Era[starts.size()];
        for (int i = 0; i < starts.size(); i++) {
            eraStartDays[i] = starts.get(i).toEpochDay();
        }
    }

    /** The agency whose desk receives a new dossier for this procedure on that day. */
    Agency receiving(Procedure procedure, long epochDay, SplittableRandom random) {
        Era era = era(epochDay);
        AgencyLevel level = effectiveLevel(era, procedure.level());
        if (level == AgencyLevel.CITY) {
            return cityFor(era, procedure.domain()).pick(random);
        }
        return era.byLevel.get(level.ordinal()).pick(random);
    }

    /**
     * The agency handling a step of an inter-agency procedure, given who received the dossier and
     * who holds it now; may be {@code current} itself, meaning no transfer. In order of preference:
     * back to the receiving desk when the step is at its level; the current holder when at its own
     * level; the holder's or the receiver's ancestor at the step's level (commune to its district);
     * one of the holder's or receiver's children (district to one of its communes); a city body
     * named in the step or handling the procedure's field; any agency of the level, by weight.
     */
    Agency forStep(ProcedureStep step, Procedure procedure, Agency receiving, Agency current,
                   long epochDay, SplittableRandom random) {
        Era era = era(epochDay);
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        AgencyLevel level = effectiveLevel(era, step.level());
        Agency origin = holder(receiving, epochDay, random);
        if (origin.level() == level) {
            return origin;
        }
        if (current.level() == level) {
            return current;
        }
        Agency up = ancestorAt(current, level, date);
        if (up == null) {
            up = ancestorAt(origin, level, date);
        }
        if (up != null && !up.isRoot()) {
            return up;
        }
        Agency down = childAt(current, level, date, random);
        if (down == null) {
            down = childAt(origin, level, date, random);
        }
        if (down != null) {
            return down;
        }
        if (level == AgencyLevel.CITY) {
            Agency named = cityNamedIn(era, step.name());
            return named != null ? named : cityFor(era, procedure.domain()).pick(random);
        }
        return era.byLevel.get(level.ordinal()).pick(random);
    }

    /**
     * Who holds a dossier of this agency on that day: the agency while active, else its recorded
     * successor, else any agency of the nearest level that still exists. After a reorganisation
     * open dossiers simply continue under the new agency's code.
     */
    Agency holder(Agency agency, long epochDay, SplittableRandom random) {
        Era era = era(epochDay);
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        if (agency.isActiveOn(date)) {
            return agency;
        }
        Agency next = directory.holderOn(agency.code(), date);
        if (next != null && !next.isRoot()) {
            return next;
        }
        AgencyLevel level = effectiveLevel(era, agency.level());
        return level == AgencyLevel.CITY
                ? cityFor(era, "").pick(random)
                : era.byLevel.get(level.ordinal()).pick(random);
    }

    private Agency ancestorAt(Agency agency, AgencyLevel level, LocalDate date) {
        for (Agency a : directory.ancestors(agency.code(), date)) {
            if (a.level() == level) {
                return a;
            }
        }
        return null;
    }

    private Agency childAt(Agency agency, AgencyLevel level, LocalDate date, SplittableRandom random) {
        List<Agency> kids = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (Agency c : directory.childrenOf(agency.code(), date)) {
            if (c.level() == level) {
                kids.add(c);
                weights.add(directory.weightOf(c.code()));
            }
        }
        return kids.isEmpty() || agency.isRoot() ? null : new WeightedPick<>(kids, weights).pick(random);
    }

    /** The level itself when it has agencies in the era, else the nearest one that has. */
    private static AgencyLevel effectiveLevel(Era era, AgencyLevel wanted) {
        AgencyLevel[] order = switch (wanted) {
            case CITY -> new AgencyLevel[] {AgencyLevel.CITY, AgencyLevel.DISTRICT, AgencyLevel.COMMUNE};
            case DISTRICT -> new AgencyLevel[] {AgencyLevel.DISTRICT, AgencyLevel.COMMUNE, AgencyLevel.CITY};
            case COMMUNE -> new AgencyLevel[] {AgencyLevel.COMMUNE, AgencyLevel.DISTRICT, AgencyLevel.CITY};
        };
        for (AgencyLevel level : order) {
            if (!era.byLevel.get(level.ordinal()).isEmpty()) {
                return level;
            }
        }
        throw new IllegalStateException("no agency with a positive weight on " + era.start);
    }

    /**
     * City bodies for a field: each body listing a field contained in the procedure's domain ranks
     * by that field's position in its list; the best rank wins. A body that has ended stands for
     * its holder, so after a merger the absorbing department inherits the fields.
     */
    private WeightedPick<Agency> cityFor(Era era, String domain) {
        String key = domain == null ? "" : domain.toLowerCase(Locale.ROOT);
        WeightedPick<Agency> cached = era.cityByField.get(key);
        if (cached != null) {
            return cached;
        }
        Map<Agency, Integer> best = new LinkedHashMap<>();
        int bestRank = Integer.MAX_VALUE;
        if (!key.isEmpty()) {
            for (Agency a : directory.all()) {
                if (a.level() != AgencyLevel.CITY || a.isRoot()) {
                    continue;
                }
                int rank = rank(directory.fieldsOf(a.code()), key);
                Agency holder = rank < 0 ? null : directory.holderOn(a.code(), era.start);
                if (holder == null || holder.isRoot() || directory.weightOf(holder.code()) <= 0) {
                    continue;
                }
                best.merge(holder, rank, Math::min);
                bestRank = Math.min(bestRank, rank);
            }
        }
        List<Agency> chosen = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (Map.Entry<Agency, Integer> e : best.entrySet()) {
            if (e.getValue() == bestRank) {
                chosen.add(e.getKey());
                weights.add(directory.weightOf(e.getKey().code()));
            }
        }
        WeightedPick<Agency> pick = chosen.isEmpty()
                ? era.byLevel.get(AgencyLevel.CITY.ordinal())
                : new WeightedPick<>(chosen, weights);
        if (pick.isEmpty()) {
            pick = era.byLevel.get(effectiveLevel(era, AgencyLevel.CITY).ordinal());
        }
        era.cityByField.put(key, pick);
        return pick;
    }

    private static int rank(List<String> fields, String domain) {
        for (int i = 0; i < fields.size(); i++) {
            if (domain.contains(fields.get(i).toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    /** A city body whose full name appears in the step's description, e.g. "(Sở Kế hoạch và Đầu tư)". */
    private Agency cityNamedIn(Era era, String stepName) {
        if (stepName == null || stepName.isEmpty()) {
            return null;
        }
        if (era.cityByStepName.containsKey(stepName)) {
            return era.cityByStepName.get(stepName);
        }
        Agency found = null;
        for (Agency a : directory.all()) {
            if (a.level() == AgencyLevel.CITY && !a.isRoot() && stepName.contains(a.name())) {
                Agency holder = directory.holderOn(a.code(), era.start);
                if (holder != null && !holder.isRoot()) {
                    found = holder;
                    break;
                }
            }
        }
        era.cityByStepName.put(stepName, found);
        return found;
    }

    private Era era(long epochDay) {
        int lo = 0;
        int hi = eraStartDays.length - 1;
        if (hi < 0 || epochDay < eraStartDays[0]) {
            throw new IllegalArgumentException("no agency exists on " + LocalDate.ofEpochDay(epochDay));
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (eraStartDays[mid] <= epochDay) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        Era era = eras[lo];
        if (era == null) {
            era = build(LocalDate.ofEpochDay(eraStartDays[lo]));
            eras[lo] = era;
        }
        return era;
    }

    private Era build(LocalDate start) {
        Era era = new Era(start);
        for (AgencyLevel level : AgencyLevel.values()) {
            List<Agency> agencies = new ArrayList<>();
            List<Integer> weights = new ArrayList<>();
            for (Agency a : directory.activeOn(start, level)) {
                if (!a.isRoot()) {
                    agencies.add(a);
                    weights.add(directory.weightOf(a.code()));
                }
            }
            era.byLevel.add(new WeightedPick<>(agencies, weights));
        }
        return era;
    }
}
