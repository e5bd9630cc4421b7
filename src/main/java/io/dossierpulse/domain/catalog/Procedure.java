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
 */
public record Procedure(
        String code,
        String name,
        String domain,
        AgencyLevel level,
        SlaLimit limit,
        boolean feeBearing,
        boolean feePausesClock,
        List<ProcedureStep> steps) {

    public Procedure {
        steps = List.copyOf(steps);
    }

    public boolean interAgency() {
        return !steps.isEmpty();
    }
}
