package io.dossierpulse.domain.sla;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A statutory time limit: an amount in a unit, plus the cutoff of same-day limits.
 *
 * @param amount working days or hours; ignored (0) for {@link LimitUnit#SAME_DAY}
 * @param cutoff for SAME_DAY: acceptances after this local time are due at the end of the next
 *               working day; null means no cutoff (always the same working day)
 */
public record SlaLimit(int amount, LimitUnit unit, LocalTime cutoff) {

    public SlaLimit {
        Objects.requireNonNull(unit, "unit");
        if (unit != LimitUnit.SAME_DAY && amount <= 0) {
            throw new IllegalArgumentException("limit amount must be positive: " + amount);
        }
        if (unit != LimitUnit.SAME_DAY && cutoff != null) {
            throw new IllegalArgumentException("a cutoff applies to SAME_DAY limits only");
        }
    }

    public static SlaLimit workingDays(int days) {
        return new SlaLimit(days, LimitUnit.WORKING_DAYS, null);
    }

    public static SlaLimit workingHours(int hours) {
        return new SlaLimit(hours, LimitUnit.WORKING_HOURS, null);
    }

    public static SlaLimit sameDay(LocalTime cutoff) {
        return new SlaLimit(0, LimitUnit.SAME_DAY, cutoff);
    }
}
