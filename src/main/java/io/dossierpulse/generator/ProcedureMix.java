package io.dossierpulse.generator;

import io.dossierpulse.domain.agency.AgencyLevel;
import io.dossierpulse.domain.catalog.Procedure;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Which procedure a new dossier is for. Volume is split between the levels first (communes take
 * the most: Hanoi's communes alone received about 8,000 of some 12,000 dossiers a day after the
 * 2025 reform), then within a level by field: certification of copies, civil status, residence
 * and land are the heavy fields, the rest share what remains equally.
 */
final class ProcedureMix {

    /** Share of all dossiers received at each level (city, district, commune). */
    private static final double[] LEVEL_SHARE = {0.30, 0.22, 0.48};

    /** Relative volume of a field, matched as a case-insensitive substring of the procedure's domain. */
    private static final String[] HEAVY_FIELDS = {
        "chứng thực", "hộ tịch", "cư trú", "đất đai", "giao thông", "đăng ký kinh doanh", "tư pháp",
        "xây dựng", "lao động", "bảo trợ xã hội"};
    private static final double[] HEAVY_WEIGHTS = {6, 3, 3, 3, 3, 2.5, 2.5, 1.5, 1.5, 1.5};

    private final WeightedPick<Procedure> pick;

    ProcedureMix(List<Procedure> procedures) {
        if (procedures.isEmpty()) {
            throw new IllegalArgumentException("no procedures to generate dossiers for");
        }
        Map<AgencyLevel, Double> levelTotal = new EnumMap<>(AgencyLevel.class);
        for (Procedure p : procedures) {
            levelTotal.merge(p.level(), fieldWeight(p), Double::sum);
        }
        double shareSum = 0;
        for (AgencyLevel level : levelTotal.keySet()) {
            shareSum += LEVEL_SHARE[level.ordinal()];
        }
        List<Double> weights = new ArrayList<>(procedures.size());
        for (Procedure p : procedures) {
            // a level missing from the catalog hands its share to the others in proportion
            double levelShare = LEVEL_SHARE[p.level().ordinal()] / shareSum;
            weights.add(levelShare * fieldWeight(p) / levelTotal.get(p.level()));
        }
        this.pick = new WeightedPick<>(List.copyOf(procedures), weights);
    }

    Procedure pick(SplittableRandom random) {
        return pick.pick(random);
    }

    static double fieldWeight(Procedure p) {
        String domain = p.domain() == null ? "" : p.domain().toLowerCase(Locale.ROOT);
        for (int i = 0; i < HEAVY_FIELDS.length; i++) {
            if (domain.contains(HEAVY_FIELDS[i])) {
                return HEAVY_WEIGHTS[i];
            }
        }
        return 1;
    }
}
