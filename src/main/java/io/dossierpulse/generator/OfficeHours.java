package io.dossierpulse.generator;

/**
 * Working-time arithmetic on epoch milliseconds for the generator's own use: Monday to Friday,
 * 08:00-12:00 and 13:00-17:00 Hanoi time (UTC+7, no daylight saving), no public holidays.
 *
 * <p>This is deliberately simpler than the product's SLA calendar: the generator only needs
 * plausible office times and an approximate appointment date to decide "late or on time", and
 * must not depend on the calendar it is used to test. Around holidays the product will compute
 * later due dates than these.
 */
final class OfficeHours {

    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    /** Working time of one day and of any seven consecutive whole days. */
    static final long WORKING_DAY = 8 * HOUR;
    static final long WORKING_WEEK = 5 * WORKING_DAY;

    private static final long OFFSET = 7 * HOUR;
    private static final long[] PERIOD_START = {8 * HOUR, 13 * HOUR};
    private static final long[] PERIOD_END = {12 * HOUR, 17 * HOUR};

    private OfficeHours() {
    }

    /** Local (UTC+7) epoch day of an instant. */
    static long localDay(long t) {
        return Math.floorDiv(t + OFFSET, DAY);
    }

    /** Milliseconds since local midnight. */
    static long timeOfDay(long t) {
        return Math.floorMod(t + OFFSET, DAY);
    }

    /** 0 for Monday to 6 for Sunday; epoch day 0 was a Thursday. */
    static int dayOfWeek(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7L);
    }

    static boolean isWorkingDay(long epochDay) {
        return dayOfWeek(epochDay) < 5;
    }

    /** The instant of local midnight starting an epoch day. */
    static long dayStart(long epochDay) {
        return epochDay * DAY - OFFSET;
    }

    /** Whether t lies inside a working period (start inclusive, end exclusive). */
    static boolean isOpen(long t) {
        if (!isWorkingDay(localDay(t))) {
            return false;
        }
        long ms = timeOfDay(t);
        for (int i = 0; i < PERIOD_START.length; i++) {
            if (ms >= PERIOD_START[i] && ms < PERIOD_END[i]) {
                return true;
            }
        }
        return false;
    }

    /** t when inside a working period, else the start of the next one. */
    static long nextOpen(long t) {
        long day = localDay(t);
        long ms = timeOfDay(t);
        while (true) {
            if (isWorkingDay(day)) {
                for (int i = 0; i < PERIOD_START.length; i++) {
                    if (ms < PERIOD_END[i]) {
                        return dayStart(day) + Math.max(ms, PERIOD_START[i]);
                    }
                }
            }
            day++;
            ms = 0;
        }
    }

    /**
     * The first instant at which {@code work} milliseconds of working time have elapsed since t;
     * t itself for zero. Time outside working periods does not count, and an amount that runs out
     * exactly at a period's end gives that end (17:00), not the next morning.
     */
    static long addWorking(long t, long work) {
        if (work <= 0) {
            return t;
        }
        long day = localDay(t);
        long ms = timeOfDay(t);
        while (true) {
            if (ms == 0) {
                // seven whole days always hold exactly five working days
                long weeks = (work - 1) / WORKING_WEEK;
                day += 7 * weeks;
                work -= weeks * WORKING_WEEK;
            }
            if (isWorkingDay(day)) {
                for (int i = 0; i < PERIOD_START.length; i++) {
                    if (ms < PERIOD_END[i]) {
                        long from = Math.max(ms, PERIOD_START[i]);
                        long available = PERIOD_END[i] - from;
                        if (work <= available) {
                            return dayStart(day) + from + work;
                        }
                        work -= available;
                        ms = PERIOD_END[i];
                    }
                }
            }
            day++;
            ms = 0;
        }
    }

    /** Working time in [a, b); zero when b is not after a. */
    static long workingBetween(long a, long b) {
        if (b <= a) {
            return 0;
        }
        long total = 0;
        long day = localDay(a);
        long ms = timeOfDay(a);
        long lastDay = localDay(b);
        while (day <= lastDay) {
            if (ms == 0 && lastDay - day >= 7) {
                long weeks = (lastDay - day) / 7;
                day += 7 * weeks;
                total += weeks * WORKING_WEEK;
                continue;
            }
            long end = day == lastDay ? timeOfDay(b) : DAY;
            if (isWorkingDay(day)) {
                for (int i = 0; i < PERIOD_START.length; i++) {
                    long from = Math.max(ms, PERIOD_START[i]);
                    long to = Math.min(end, PERIOD_END[i]);
                    if (to > from) {
                        total += to - from;
                    }
                }
            }
            day++;
            ms = 0;
        }
        return total;
    }

    /** 17:00 of the working day containing nextOpen(t). */
    static long endOfWorkingDay(long t) {
        long open = nextOpen(t);
        return dayStart(localDay(open)) + PERIOD_END[PERIOD_END.length - 1];
    }

    /** 17:00 of the first working day after the one containing nextOpen(t). */
    static long endOfNextWorkingDay(long t) {
        long day = localDay(nextOpen(t)) + 1;
        while (!isWorkingDay(day)) {
            day++;
        }
        return dayStart(day) + PERIOD_END[PERIOD_END.length - 1];
    }
}
