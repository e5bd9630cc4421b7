package io.dossierpulse.domain.agency;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One agency of the city's hierarchy over its period of validity: a department, a district or a
 * commune/ward. The hierarchy changes by whole rows: an agency that is merged or abolished ends
 * ({@code validTo}) and its successor begins, so a code never changes parent or level.
 *
 * @param code       stable short ASCII identifier, e.g. "SO-TP", "Q-BD", "P-BD-PHUCXA"
 * @param name       Vietnamese name
 * @param level      administrative level
 * @param parentCode the agency dossiers roll up to; null only for the city root
 * @param validFrom  first day of validity
 * @param validTo    last day of validity, inclusive; null while the agency still exists
 */
public record Agency(
        String code,
        String name,
        AgencyLevel level,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo) {

    public Agency {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(validFrom, "validFrom");
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException(code + ": validTo " + validTo + " before validFrom " + validFrom);
        }
    }

    /** Whether the agency exists on that day (both ends inclusive). */
    public boolean isActiveOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    /** Whether the agency exists over the whole of [from, to]; {@code to == null} means open-ended. */
    public boolean covers(LocalDate from, LocalDate to) {
        if (from.isBefore(validFrom)) {
            return false;
        }
        if (validTo == null) {
            return true;
        }
        return to != null && !to.isAfter(validTo);
    }

    /** The city root has no parent. */
    public boolean isRoot() {
        return parentCode == null;
    }
}
