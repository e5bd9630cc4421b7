package io.dossierpulse.domain.catalog;

import io.dossierpulse.domain.agency.AgencyLevel;
import io.dossierpulse.domain.sla.SlaLimit;
import java.util.List;

/**
 * An administrative procedure (thủ tục hành chính) from the catalog.
 *
 * @param code            the national procedure code (MaTTHC)
 * @param name            Vietnamese name
 * @param domain          field of administration, e.g. "Hộ tịch", "Đăng ký kinh doanh"
 * @param level           the level that receives it
 * @param limit           the statutory limit for the whole procedure
 * @param feeBearing      whether the procedure carries a fee or charge (online-payment indicator)
 * @param feePausesClock  whether time spent on a financial obligation (FEE_REQUESTED) is not counted
 * @param steps           inter-agency steps in order; empty for single-agency procedures
 * @param validFrom       first acceptance date this version applies to; null: since the start of the data
 * @param validTo         last acceptance date it applies to (inclusive); null: still in force
 */
public record Procedure(
        String code,
        String name,
        String domain,
        AgencyLevel level,
        SlaLimit limit,
        boolean feeBearing,
        boolean feePausesClock,
        List<ProcedureStep> steps,
        java.time.LocalDate validFrom,
        java.time.LocalDate validTo) {

    public Procedure {
        steps = List.copyOf(steps);
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException(code + ": validTo " + validTo + " is before validFrom " + validFrom);
        }
    }

    /** A version in force at all times. */
    public Procedure(String code, String name, String domain, AgencyLevel level, SlaLimit limit, boolean feeBearing,
            boolean feePausesClock, List<ProcedureStep> steps) {
        this(code, name, domain, level, limit, feeBearing, feePausesClock, steps, null, null);
    }

    /** Whether this version applies to a dossier accepted on {@code date}. */
    public boolean inForceOn(java.time.LocalDate date) {
        return inForceOn(date.toEpochDay());
    }

    /** {@link #inForceOn(java.time.LocalDate)} with an epoch day. */
    public boolean inForceOn(long epochDay) {
        return (validFrom == null || epochDay >= validFrom.toEpochDay())
                && (validTo == null || epochDay <= validTo.toEpochDay());
    }

    public boolean interAgency() {
        return !steps.isEmpty();
    }
}
