package io.dossierpulse.domain.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The Vietnamese lunisolar calendar, computed astronomically for UTC+7 (meridian 105°E). It can
 * differ from the Chinese calendar (UTC+8) when a new moon or solar term falls between 23:00 and
 * midnight Hanoi time: Tết 1985 was 21 January in Vietnam and 20 February in China.
 *
 * <p>Rules: a month begins on the local day of a new moon; month 11 is the month containing the
 * winter solstice; when 13 months lie between two months 11, the first month after month 11 that
 * contains no major solar term (sun longitude a multiple of 30°) is the leap month and takes the
 * number of the month before it. Months are kept per "cycle": cycle Y runs from month 11 of
 * lunar year Y to the day before month 11 of lunar year Y+1 (months 11 and 12 belong to lunar
 * year Y, months 1-10 to lunar year Y+1).
 *
 * <p>Supported: Gregorian dates and lunar years 1900-2199 (and lunar 1899, to which the first
 * weeks of 1900 belong). The calendar actually in use in
 * Vietnam before 1968 was reckoned at UTC+8; dates before then are computed at UTC+7 all the same.
 * Each cycle is computed once (a few dozen trigonometric series) and cached; lookups after
 * that are a handful of array reads.
 */
public final class LunarCalendar {

    /** First lunar and Gregorian year supported. */
    public static final int MIN_YEAR = 1900;
    /** Last lunar and Gregorian year supported. */
    public static final int MAX_YEAR = 2199;

    /** UTC+7 as a fraction of a day. */
    private static final double OFFSET_DAYS = 7.0 / 24.0;
    /** Cycles kept: one either side of the supported range so that its edges convert both ways. */
    private static final int FIRST_CYCLE = MIN_YEAR - 2;
    private static final int LAST_CYCLE = MAX_YEAR + 1;
    private static final int WINTER_SOLSTICE_TERM = 9; // 270° / 30°

    private static final AtomicReferenceArray<Cycle> CYCLES =
            new AtomicReferenceArray<>(LAST_CYCLE - FIRST_CYCLE + 1);

    private LunarCalendar() {
    }

    /** The Gregorian date of Tết (day 1 of month 1) of lunar year {@code year}. */
    public static LocalDate lunarNewYear(int year) {
        checkYear(year);
        Cycle c = cycle(year - 1);
        return LocalDate.ofEpochDay(c.starts[c.indexOf(1, false)]);
    }

    /**
     * The Gregorian date of a lunar date.
     *
     * @throws IllegalArgumentException when the month has no such day, or the year no such leap month
     */
    public static LocalDate toSolar(int lunarYear, int lunarMonth, int lunarDay, boolean leap) {
        // Lunar year MIN_YEAR - 1 is accepted: early January 1900 belongs to it.
        checkYear(lunarYear == MIN_YEAR - 1 ? MIN_YEAR : lunarYear);
        if (lunarMonth < 1 || lunarMonth > 12) {
            throw new IllegalArgumentException("lunar month out of range 1-12: " + lunarMonth);
        }
        Cycle c = cycle(lunarMonth >= 11 ? lunarYear : lunarYear - 1);
        int i = c.indexOf(lunarMonth, leap);
        if (i < 0) {
            throw new IllegalArgumentException("lunar year " + lunarYear + " has no leap month " + lunarMonth);
        }
        int length = c.starts[i + 1] - c.starts[i];
        if (lunarDay < 1 || lunarDay > length) {
            throw new IllegalArgumentException("lunar month " + lunarMonth + (leap ? " (leap)" : "") + " of "
                    + lunarYear + " has " + length + " days, not " + lunarDay);
        }
        return LocalDate.ofEpochDay(c.starts[i] + lunarDay - 1L);
    }

    /** The lunar date of a Gregorian date. */
    public static LunarDate toLunar(LocalDate date) {
        checkYear(date.getYear());
        int day = Math.toIntExact(date.toEpochDay());
        Cycle c = cycle(date.getYear());
        if (day < c.starts[0]) {
            c = cycle(date.getYear() - 1);
        }
        int i = c.starts.length - 2;
        while (c.starts[i] > day) {
            i--;
        }
        int month = c.monthNumber(i);
        int lunarYear = month >= 11 ? c.year : c.year + 1;
        return new LunarDate(lunarYear, month, day - c.starts[i] + 1, i == c.leapIndex);
    }

    /** The leap month of lunar year {@code year}, or 0 when the year has none. */
    public static int leapMonth(int year) {
        checkYear(year);
        Cycle before = cycle(year - 1);
        if (before.leapIndex > 0 && before.monthNumber(before.leapIndex) < 11) {
            return before.monthNumber(before.leapIndex);
        }
        Cycle own = cycle(year);
        if (own.leapIndex > 0 && own.monthNumber(own.leapIndex) >= 11) {
            return own.monthNumber(own.leapIndex);
        }
        return 0;
    }

    /** Number of days (29 or 30) of a lunar month. */
    public static int monthLength(int lunarYear, int lunarMonth, boolean leap) {
        LocalDate first = toSolar(lunarYear, lunarMonth, 1, leap);
        Cycle c = cycle(lunarMonth >= 11 ? lunarYear : lunarYear - 1);
        int i = c.indexOf(lunarMonth, leap);
        return (int) (c.starts[i + 1] - first.toEpochDay());
    }

    private static void checkYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new DateTimeException("lunar calendar supports " + MIN_YEAR + "-" + MAX_YEAR + ", not " + year);
        }
    }

    private static Cycle cycle(int year) {
        int slot = year - FIRST_CYCLE;
        Cycle c = CYCLES.get(slot);
        if (c == null) {
            // Computing is deterministic, so a race only computes the same value twice.
            c = Cycle.compute(year);
            CYCLES.compareAndSet(slot, null, c);
        }
        return c;
    }

    /** Local (UTC+7) epoch day on which new moon k falls. */
    static int newMoonDay(long k) {
        return (int) Math.floor(Astronomy.newMoonUt(k) + OFFSET_DAYS - Astronomy.UNIX_EPOCH_JD);
    }

    /** Index (0-11) of the 30° arc the Sun is in at the local midnight that begins {@code epochDay}. */
    static int termAtStartOf(int epochDay) {
        double jdUt = epochDay + Astronomy.UNIX_EPOCH_JD - OFFSET_DAYS;
        return (int) (Astronomy.apparentSolarLongitudeUt(jdUt) / 30.0);
    }

    /** The lunation that begins month 11 of lunar year {@code year} (the one containing the winter solstice). */
    static long month11Lunation(int year) {
        int dec31 = (int) LocalDate.of(year, 12, 31).toEpochDay();
        long k = Astronomy.lunationNear(dec31 + Astronomy.UNIX_EPOCH_JD);
        while (newMoonDay(k) > dec31) {
            k--;
        }
        while (newMoonDay(k + 1) <= dec31) {
            k++;
        }
        // The last month beginning by 31 December; if the solstice has passed when it begins, the
        // solstice fell in the month before.
        if (termAtStartOf(newMoonDay(k)) >= WINTER_SOLSTICE_TERM) {
            k--;
        }
        return k;
    }

    /** The months of one cycle as local epoch days of their first days, plus the start of the next cycle. */
    private static final class Cycle {
        final int year;
        /** starts[i] = first day of month i of the cycle; the last entry starts the next cycle. */
        final int[] starts;
        /** Index of the leap month, or -1. */
        final int leapIndex;

        private Cycle(int year, int[] starts, int leapIndex) {
            this.year = year;
            this.starts = starts;
            this.leapIndex = leapIndex;
        }

        static Cycle compute(int year) {
            long first = month11Lunation(year);
            int months = (int) (month11Lunation(year + 1) - first);
            if (months != 12 && months != 13) {
                throw new IllegalStateException("cycle " + year + " has " + months + " months");
            }
            int[] starts = new int[months + 1];
            for (int i = 0; i <= months; i++) {
                starts[i] = newMoonDay(first + i);
            }
            int leap = -1;
            if (months == 13) {
                int term = termAtStartOf(starts[1]);
                for (int i = 1; i < months; i++) {
                    int next = termAtStartOf(starts[i + 1]);
                    if (next == term) {
                        leap = i;
                        break;
                    }
                    term = next;
                }
                if (leap < 0) {
                    throw new IllegalStateException("cycle " + year + " has 13 months but no month without a major term");
                }
            }
            return new Cycle(year, starts, leap);
        }

        /** The month number (1-12) of month index i; index 0 is month 11. */
        int monthNumber(int i) {
            int ordinal = leapIndex >= 0 && i >= leapIndex ? i - 1 : i;
            return (10 + ordinal) % 12 + 1;
        }

        int indexOf(int month, boolean leap) {
            if (leap) {
                return leapIndex >= 0 && monthNumber(leapIndex) == month ? leapIndex : -1;
            }
            for (int i = 0; i < starts.length - 1; i++) {
                if (i != leapIndex && monthNumber(i) == month) {
                    return i;
                }
            }
            return -1;
        }
    }
}
