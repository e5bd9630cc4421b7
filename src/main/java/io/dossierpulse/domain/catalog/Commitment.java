package io.dossierpulse.domain.catalog;

import io.dossierpulse.domain.sla.SlaLimit;
import java.time.LocalDate;

/**
 * An agency's committed time for a procedure: shorter than the statutory limit (pilots cut 20-60%
 * of it, seeds 000 and 001). Dossiers are judged against both; the indicators keep the statutory
 * basis, the statistics add performance against the commitment (docs/domain.md, "Committed times").
 *
 * @param procedureCode the procedure (MaTTHC)
 * @param scope         an agency code: dossiers received by it or any agency within it; {@code *}: all
 * @param limit         the committed time, counted and paused like the statutory limit
 * @param validFrom     first acceptance date it applies to
 * @param validTo       last acceptance date it applies to (inclusive), or null while in force
 * @param source        the document or article that states it
 */
public record Commitment(String procedureCode, String scope, SlaLimit limit, LocalDate validFrom, LocalDate validTo,
        String source) {

    /** The scope of a commitment made for every agency. */
    public static final String EVERY_AGENCY = "*";

    /** Whether it applies to a dossier accepted on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
