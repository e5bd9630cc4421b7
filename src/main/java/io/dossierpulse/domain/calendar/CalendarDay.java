package io.dossierpulse.domain.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day that departs from the ordinary week, with why.
 *
 * @param reason Vietnamese description, e.g. "Tết Nguyên đán" or "Nghỉ bù Giỗ Tổ Hùng Vương"
 */
public record CalendarDay(LocalDate date, DayKind kind, String reason) {

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        reason = reason == null ? "" : reason;
    }

    public boolean working() {
        return kind.working();
    }
}
