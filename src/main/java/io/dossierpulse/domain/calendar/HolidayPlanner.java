package io.dossierpulse.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The days off of one holiday year: Labour Code 2019 Art. 112 holidays with the compensatory rule
 * of Art. 111(3), except for the holidays an official schedule of that year replaces.
 *
 * <p>Conventions where the law leaves the choice to a yearly decision:
 * <ul>
 *   <li>Tết without a schedule: the last day of the old lunar year and the first four days of the
 *       new one (five days);</li>
 *   <li>National Day without a schedule: 2 September and one adjacent day, the one that is a
 *       weekday and, if both are, the one next to a weekend; 3 September when 2 September is a
 *       Wednesday. That gives 1 September when 2 September is a Tuesday, Friday or Saturday and
 *       3 September otherwise, which is what the schedules of 2021-2025 did;</li>
 *   <li>Compensatory day: a holiday on a Saturday or Sunday moves to the next Monday-Friday day
 *       that is not itself a holiday, a compensatory day already given, or a scheduled day off;
 *       holidays are taken in date order.</li>
 * </ul>
 * The same rules are applied to every year, including those before 2021 when the Labour Code
 * 2012 gave fewer days; history that matters needs override lines.
 */
final class HolidayPlanner {

    private final OfficialSchedules schedules;

    HolidayPlanner(OfficialSchedules schedules) {
        this.schedules = schedules;
    }

    /**
     * The special days of holiday year {@code year}: rule holidays, their compensatory days, then
     * the scheduled days in file order (these may lie in a neighbouring Gregorian year).
     */
    List<CalendarDay> plan(int year) {
        List<OfficialSchedule> lines = schedules.forYear(year);
        Set<Holiday> scheduled = EnumSet.noneOf(Holiday.class);
        Set<LocalDate> scheduledOff = new HashSet<>();
        for (OfficialSchedule s : lines) {
            scheduled.addAll(s.holidays());
            if (!s.working()) {
                for (LocalDate d = s.from(); !d.isAfter(s.to()); d = d.plusDays(1)) {
                    scheduledOff.add(d);
                }
            }
        }

        Map<LocalDate, Holiday> rule = new TreeMap<>();
        for (Holiday h : Holiday.values()) {
            if (!scheduled.contains(h)) {
                for (LocalDate d : ruleDates(h, year)) {
                    rule.putIfAbsent(d, h);
                }
            }
        }

        List<CalendarDay> out = new ArrayList<>(24);
        for (Map.Entry<LocalDate, Holiday> e : rule.entrySet()) {
            out.add(new CalendarDay(e.getKey(), DayKind.HOLIDAY, e.getValue().label()));
        }
        Set<LocalDate> taken = new HashSet<>(rule.keySet());
        taken.addAll(scheduledOff);
        for (Map.Entry<LocalDate, Holiday> e : rule.entrySet()) {
            if (isWeekend(e.getKey())) {
                LocalDate c = e.getKey().plusDays(1);
                while (isWeekend(c) || taken.contains(c)) {
                    c = c.plusDays(1);
                }
                taken.add(c);
                out.add(new CalendarDay(c, DayKind.COMPENSATORY, "Nghỉ bù " + e.getValue().label()));
            }
        }
        out.addAll(scheduledDays(year));
        return out;
    }

    /** Only the scheduled days of holiday year {@code year} (no rule needed, so any year works). */
    List<CalendarDay> scheduledDays(int year) {
        List<CalendarDay> out = new ArrayList<>();
        for (OfficialSchedule s : schedules.forYear(year)) {
            String reason = s.note().isEmpty() ? labels(s.holidays()) : s.note();
            for (LocalDate d = s.from(); !d.isAfter(s.to()); d = d.plusDays(1)) {
                out.add(new CalendarDay(d, s.kind(), reason));
            }
        }
        return out;
    }

    /** The days a holiday falls on by the Labour Code rule, before compensation. */
    static List<LocalDate> ruleDates(Holiday h, int year) {
        return switch (h) {
            case NEW_YEAR -> List.of(LocalDate.of(year, 1, 1));
            case TET -> {
                LocalDate first = LunarCalendar.lunarNewYear(year);
                yield List.of(first.minusDays(1), first, first.plusDays(1), first.plusDays(2), first.plusDays(3));
            }
            case HUNG_KINGS -> List.of(LunarCalendar.toSolar(year, 3, 10, false));
            case REUNIFICATION -> List.of(LocalDate.of(year, 4, 30));
            case LABOUR_DAY -> List.of(LocalDate.of(year, 5, 1));
            case NATIONAL_DAY -> List.of(LocalDate.of(year, 9, 2), nationalDayCompanion(year));
        };
    }

    /** The day joined to 2 September by the convention above. */
    static LocalDate nationalDayCompanion(int year) {
        DayOfWeek dow = LocalDate.of(year, 9, 2).getDayOfWeek();
        boolean dayBefore = dow == DayOfWeek.TUESDAY || dow == DayOfWeek.FRIDAY || dow == DayOfWeek.SATURDAY;
        return LocalDate.of(year, 9, dayBefore ? 1 : 3);
    }

    static boolean isWeekend(LocalDate d) {
        DayOfWeek dow = d.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    private static String labels(Set<Holiday> holidays) {
        StringBuilder b = new StringBuilder();
        for (Holiday h : holidays) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(h.label());
        }
        return b.toString();
    }
}
