package io.dossierpulse.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** A query's period: local dates, both inclusive; today (Asia/Ho_Chi_Minh) when not given. */
record DateRange(LocalDate from, LocalDate to) {

    static final ZoneId VIETNAM = io.dossierpulse.domain.calendar.WorkingCalendar.ZONE;
    static final int MAX_DAYS = 400;

    static DateRange parse(String from, String to) {
        LocalDate today = LocalDate.now(VIETNAM);
        LocalDate f = from == null || from.isBlank() ? null : date("from", from);
        LocalDate t = to == null || to.isBlank() ? null : date("to", to);
        if (f == null && t == null) {
            f = today;
            t = today;
        } else if (f == null) {
            f = t;
        } else if (t == null) {
            t = f.isAfter(today) ? f : today;
        }
        if (t.isBefore(f)) {
            throw new BadRequestException("to (" + t + ") is before from (" + f + ")");
        }
        if (f.plusDays(MAX_DAYS).isBefore(t)) {
            throw new BadRequestException("a period is at most " + MAX_DAYS + " days");
        }
        return new DateRange(f, t);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }
}
