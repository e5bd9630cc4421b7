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
    final List<CalendarDay> daysOff;
    final List<CalendarDay> workedWeekendDays;

    YearTable(int year, long firstEpochDay, long base, int[] cum, List<CalendarDay> daysOff,
              List<CalendarDay> workedWeekendDays) {
        this.year = year;
        this.firstEpochDay = firstEpochDay;
        this.base = base;
        this.cum = cum;
        this.daysOff = daysOff;
        this.workedWeekendDays = workedWeekendDays;
    }

    int total() {
        return cum[cum.length - 1];
    }

    boolean working(int day) {
        return cum[day + 1] != cum[day];
    }

    /** The day (0-based) of the year's x-th working day (0-based), by binary search. */
    int dayOfWorkingDay(int x) {
        // Largest i with cum[i] <= x: the working day itself, not the rest days before it.
        int lo = 0;
        int hi = cum.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (cum[mid] <= x) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
