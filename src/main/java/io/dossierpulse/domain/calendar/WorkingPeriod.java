package io.dossierpulse.domain.calendar;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One office period of a working day, e.g. 08:00-12:00. The start is inside the period, the end is
 * not: a dossier accepted at 12:00 waits for the afternoon period.
 */
public record WorkingPeriod(LocalTime start, LocalTime end) {

    public WorkingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("period must end after it starts: " + start + "-" + end);
        }
        if (start.getNano() != 0 || end.getNano() != 0) {
            throw new IllegalArgumentException("periods are kept to the second: " + start + "-" + end);
        }
    }

    public static WorkingPeriod of(String start, String end) {
        return new WorkingPeriod(LocalTime.parse(start), LocalTime.parse(end));
    }

    /** Working seconds in the period. */
    public int seconds() {
        return end.toSecondOfDay() - start.toSecondOfDay();
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
