package io.dossierpulse.domain.calendar;

import java.util.List;

/**
 * One Gregorian year of a working calendar, precomputed so that arithmetic is array reads: the
 * number of working days before each day, and where the year sits in the calendar's running count
 * of working days.
 */
final class YearTable {

    final int year;
    final long firstEpochDay;
    /** Working days from the calendar's anchor (1 January 2000) to 1 January of this year; negative before it. */
    final long base;
    /** cum[i] = working days of this year before day i (0-based); cum[days] is the year's total. */
    final int[] cum;
    /** The inverse of cum: workingDay[x] = day (0-based) of the year's x-th working day. */
    private final short[] workingDay;
    /** Working days in the year. */
    final int total;
    final List<CalendarDay> daysOff;
    final List<CalendarDay> workedWeekendDays;

    YearTable(int year, long firstEpochDay, long base, int[] cum, List<CalendarDay> daysOff,
              List<CalendarDay> workedWeekendDays) {
        this.year = year;
        this.firstEpochDay = firstEpochDay;
        this.base = base;
        this.cum = cum;
        this.total = cum[cum.length - 1];
        this.workingDay = new short[total];
        for (int d = 0; d < cum.length - 1; d++) {
            if (cum[d + 1] != cum[d]) {
                workingDay[cum[d]] = (short) d;
            }
        }
        this.daysOff = daysOff;
        this.workedWeekendDays = workedWeekendDays;
    }

    boolean working(int day) {
        return cum[day + 1] != cum[day];
    }

    /** The day (0-based) of the year's x-th working day (0-based). */
    int dayOfWorkingDay(int x) {
        return workingDay[x];
    }
}
