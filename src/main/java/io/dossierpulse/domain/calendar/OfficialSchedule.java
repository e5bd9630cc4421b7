package io.dossierpulse.domain.calendar;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One line of an official yearly holiday schedule for civil servants (the Prime Minister's or the
 * Ministry's notice): a run of days off, or a make-up working day, for some holidays of one year.
 * A year with a schedule for a holiday uses the schedule's days instead of the Labour Code rule
 * for that holiday (and its compensatory days).
 *
 * @param year     the holiday year the schedule replaces the rule for (dates may spill into the next
 *                 or previous year, e.g. a New Year schedule starting on 31 December)
 * @param holidays the holidays whose rule days are replaced
 * @param working  false for days off, true for make-up working days
 * @param from     first day, inclusive
 * @param to       last day, inclusive
 * @param source   the document that set these days (its number and date where known)
 * @param note     Vietnamese description used as the reason
 */
public record OfficialSchedule(int year, Set<Holiday> holidays, boolean working, LocalDate from, LocalDate to,
                               String source, String note) {

    public OfficialSchedule {
        holidays = Set.copyOf(holidays);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (holidays.isEmpty()) {
            throw new IllegalArgumentException("a schedule names at least one holiday");
        }
        if (to.isBefore(from) || from.plusDays(31).isBefore(to)) {
            throw new IllegalArgumentException("schedule runs must be 1-32 days: " + from + ".." + to);
        }
        if (Math.abs(from.getYear() - year) > 1) {
            throw new IllegalArgumentException("schedule for " + year + " starts in " + from.getYear());
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a schedule names its source document");
        }
        note = note == null ? "" : note;
    }

    public DayKind kind() {
        return working ? DayKind.SCHEDULED_WORK : DayKind.SCHEDULED_OFF;
    }
}
