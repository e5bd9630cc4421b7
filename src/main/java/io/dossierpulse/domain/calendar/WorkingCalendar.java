package io.dossierpulse.domain.calendar;

import java.io.Reader;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Working time of Vietnamese public offices (docs/domain.md): office periods on working
 * days, where working days are Monday-Friday minus public holidays, compensatory days and scheduled
 * days off, plus scheduled make-up days, with operator overrides applied last.
 *
 * <p>Arithmetic runs on the <em>working-second ordinal</em>: working seconds elapsed from 1 January
 * 2000 00:00 local (negative before). It is a non-decreasing step function of time, flat outside
 * working periods. Each year keeps the running count of working days before each of its days, built
 * lazily on first use and never changed, so an instant maps to its ordinal with a few array reads and
 * an ordinal maps back with two binary searches (over years, then days). Nothing loops over days or
 * minutes per call.
 *
 * <p>Time is local to Asia/Ho_Chi_Minh at the fixed offset UTC+07:00, which that zone has kept since
 * 1975 (no daylight saving); instants before 1975 are read at +07:00 too. Precision is the second:
 * sub-second parts are dropped. Years 1900-2199 are supported. Instances are immutable and thread-safe.
 */
public final class WorkingCalendar {

    /** The office time zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The offset used for all arithmetic (that of {@link #ZONE} since 1975). */
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(7);
    public static final int MIN_YEAR = LunarCalendar.MIN_YEAR;
    public static final int MAX_YEAR = LunarCalendar.MAX_YEAR;

    /** Monday-Friday 08:00-12:00 and 13:00-17:00. */
    public static final List<WorkingPeriod> DEFAULT_PERIODS =
            List.of(WorkingPeriod.of("08:00", "12:00"), WorkingPeriod.of("13:00", "17:00"));

    static final int OFFSET_SECONDS = 7 * 3600;
    private static final int DAY = 86_400;
    private static final int ANCHOR_YEAR = 2000;
    private static final int WORKING_DAYS_PER_YEAR_GUESS = 249;
    /** YEAR_START[i] = epoch day of 1 January of MIN_YEAR + i; one extra entry closes the range. */
    private static final long[] YEAR_START = new long[MAX_YEAR - MIN_YEAR + 2];

    static {
        for (int i = 0; i < YEAR_START.length; i++) {
            YEAR_START[i] = LocalDate.of(MIN_YEAR + i, 1, 1).toEpochDay();
        }
    }

    private final List<WorkingPeriod> periods;
    private final int[] periodStart;
    private final int[] periodEnd;
    /** Working seconds of the day before period p starts, and when it ends. */
    private final int[] workedBefore;
    private final int[] workedAfter;
    private final int daySeconds;
    private final OfficialSchedules schedules;
    private final HolidayPlanner planner;
    private final List<CalendarOverride> overrides;

    private final AtomicReferenceArray<YearTable> tables = new AtomicReferenceArray<>(MAX_YEAR - MIN_YEAR + 1);
    /** Built tables are contiguous, indices lowest..highest; both guarded by the lock. */
    private int lowest;
    private int highest;
    private final Object buildLock = new Object();

    private WorkingCalendar(Builder b) {
        List<WorkingPeriod> ps = new ArrayList<>(b.periods);
        ps.sort(Comparator.comparing(WorkingPeriod::start));
        if (ps.isEmpty()) {
            throw new IllegalArgumentException("a working day needs at least one period");
        }
        int n = ps.size();
        periodStart = new int[n];
        periodEnd = new int[n];
        workedBefore = new int[n];
        workedAfter = new int[n];
        int worked = 0;
        for (int p = 0; p < n; p++) {
            WorkingPeriod wp = ps.get(p);
            if (p > 0 && wp.start().isBefore(ps.get(p - 1).end())) {
                throw new IllegalArgumentException("periods overlap: " + ps.get(p - 1) + " and " + wp);
            }
            periodStart[p] = wp.start().toSecondOfDay();
            periodEnd[p] = wp.end().toSecondOfDay();
            workedBefore[p] = worked;
            worked += wp.seconds();
            workedAfter[p] = worked;
        }
        periods = List.copyOf(ps);
        daySeconds = worked;
        schedules = b.schedules;
        planner = new HolidayPlanner(b.schedules);
        overrides = List.copyOf(b.overrides);

        int anchor = ANCHOR_YEAR - MIN_YEAR;
        tables.set(anchor, table(ANCHOR_YEAR, 0L, layout(ANCHOR_YEAR)));
        lowest = anchor;
        highest = anchor;
    }

    /** Default periods, the bundled official schedules, no overrides. Shared; built on first use. */
    public static WorkingCalendar standard() {
        return Standard.INSTANCE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this calendar's periods, schedules and overrides. */
    public Builder toBuilder() {
        Builder b = new Builder().periods(periods).officialSchedules(schedules);
        b.overrides.addAll(overrides);
        return b;
    }

    public List<WorkingPeriod> periods() {
        return periods;
    }

    /** Working seconds of a full working day: the length of a "working day" in limits (480 minutes by default). */
    public int workingSecondsPerDay() {
        return daySeconds;
    }

    /** Local second of the day at which the last period ends (61,200 = 17:00 by default). */
    public int endOfDaySecond() {
        return periodEnd[periodEnd.length - 1];
    }

    // ---------------------------------------------------------------- days

    public boolean isWorkingDay(LocalDate date) {
        return isWorkingEpochDay(date.toEpochDay());
    }

    public boolean isWorkingEpochDay(long epochDay) {
        YearTable t = tableOfDay(epochDay);
        return t.working((int) (epochDay - t.firstEpochDay));
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        return LocalDate.ofEpochDay(nextWorkingEpochDay(date.toEpochDay()));
    }

    public long nextWorkingEpochDay(long epochDay) {
        YearTable t = tableOfDay(epochDay);
        // Working days before the next day = index of the first working day after this one.
        return epochDayOfWorkingDay(t.base + t.cum[(int) (epochDay - t.firstEpochDay) + 1]);
    }

    /** The end of the last period of {@code date}, or of the next working day when {@code date} is not one. */
    public Instant endOfWorkingDay(LocalDate date) {
        return Instant.ofEpochSecond(endOfWorkingEpochDay(date.toEpochDay()));
    }

    /** Epoch second of {@link #endOfWorkingDay(LocalDate)}. */
    public long endOfWorkingEpochDay(long epochDay) {
        long day = isWorkingEpochDay(epochDay) ? epochDay : nextWorkingEpochDay(epochDay);
        return day * DAY + endOfDaySecond() - OFFSET_SECONDS;
    }

    /**
     * Holidays, compensatory days, scheduled and overridden days off of a year, weekdays or weekends,
     * in date order; ordinary weekends are not listed.
     */
    public List<CalendarDay> nonWorkingDays(int year) {
        return tableOfDay(YEAR_START[checkYear(year) - MIN_YEAR]).daysOff;
    }

    /** Saturdays and Sundays that are worked (make-up days), in date order. */
    public List<CalendarDay> workingWeekendDays(int year) {
        return tableOfDay(YEAR_START[checkYear(year) - MIN_YEAR]).workedWeekendDays;
    }

    // ---------------------------------------------------------------- instants

    /** Whether {@code at} lies inside a working period of a working day. */
    public boolean isWorkingTime(Instant at) {
        long local = at.getEpochSecond() + OFFSET_SECONDS;
        long day = Math.floorDiv(local, DAY);
        if (!isWorkingEpochDay(day)) {
            return false;
        }
        int sod = (int) (local - day * DAY);
        for (int p = 0; p < periodStart.length; p++) {
            if (sod >= periodStart[p] && sod < periodEnd[p]) {
                return true;
            }
        }
        return false;
    }

    /** Where an SLA clock started at {@code at} begins to run: {@code at} itself inside a period, else the next period's start. */
    public Instant clockStart(Instant at) {
        long s = at.getEpochSecond();
        long start = resumedAt(workingOrdinal(s));
        return start == s ? at : Instant.ofEpochSecond(start);
    }

    /** Working seconds from {@code from} to {@code to}; negative when {@code to} is earlier. */
    public long workingSecondsBetween(Instant from, Instant to) {
        return workingOrdinal(to.getEpochSecond()) - workingOrdinal(from.getEpochSecond());
    }

    /**
     * The first instant at which {@code seconds} of working time have elapsed since {@code from}:
     * a result falling exactly at a period's end is that end (17:00), not the next start.
     */
    public Instant addWorkingSeconds(Instant from, long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("working seconds must not be negative: " + seconds);
        }
        if (seconds == 0) {
            return from;
        }
        return Instant.ofEpochSecond(reachedAt(workingOrdinal(from.getEpochSecond()) + seconds));
    }

    // ---------------------------------------------------------------- ordinals (allocation-free)

    /** The working-second ordinal of an epoch second: working seconds from the anchor up to it. */
    public long workingOrdinal(long epochSecond) {
        long local = epochSecond + OFFSET_SECONDS;
        long day = Math.floorDiv(local, DAY);
        YearTable t = tableOfDay(day);
        int i = (int) (day - t.firstEpochDay);
        int before = t.cum[i];
        long ordinal = (t.base + before) * daySeconds;
        if (t.cum[i + 1] != before) {
            ordinal += workedBeforeSecondOfDay((int) (local - day * DAY));
        }
        return ordinal;
    }

    /**
     * The first epoch second at which the ordinal is reached: a due date. An ordinal on a working-day
     * boundary is reached at the end of the last period of the earlier day.
     */
    public long reachedAt(long ordinal) {
        long wd = Math.floorDiv(ordinal, daySeconds);
        int r = (int) (ordinal - wd * daySeconds);
        if (r == 0) {
            return epochDayOfWorkingDay(wd - 1) * DAY + endOfDaySecond() - OFFSET_SECONDS;
        }
        int p = 0;
        while (r > workedAfter[p]) {
            p++;
        }
        return epochDayOfWorkingDay(wd) * DAY + periodStart[p] + (r - workedBefore[p]) - OFFSET_SECONDS;
    }

    /** The last epoch second with this ordinal, from which working time runs again: a clock start. */
    public long resumedAt(long ordinal) {
        long wd = Math.floorDiv(ordinal, daySeconds);
        int r = (int) (ordinal - wd * daySeconds);
        int p = 0;
        while (r >= workedAfter[p]) {
            p++;
        }
        return epochDayOfWorkingDay(wd) * DAY + periodStart[p] + (r - workedBefore[p]) - OFFSET_SECONDS;
    }

    private int workedBeforeSecondOfDay(int sod) {
        for (int p = 0; p < periodStart.length; p++) {
            if (sod < periodStart[p]) {
                return workedBefore[p];
            }
            if (sod < periodEnd[p]) {
                return workedBefore[p] + sod - periodStart[p];
            }
        }
        return daySeconds;
    }

    /** Epoch day of working day number {@code wd} counted from the anchor. */
    private long epochDayOfWorkingDay(long wd) {
        YearTable t = tableOfWorkingDay(wd);
        return t.firstEpochDay + t.dayOfWorkingDay((int) (wd - t.base));
    }

    // ---------------------------------------------------------------- year tables

    private YearTable tableOfDay(long epochDay) {
        return table(yearIndex(epochDay));
    }

    private static int yearIndex(long epochDay) {
        int last = YEAR_START.length - 1;
        if (epochDay < YEAR_START[0] || epochDay >= YEAR_START[last]) {
            throw outOfRange(LocalDate.ofEpochDay(epochDay).toString());
        }
        // Days x 2^20/365.2425, a first guess off by at most a year, then a step either way.
        int i = (int) Math.min(last - 1, ((epochDay - YEAR_START[0]) * 2_871) >>> 20);
        while (YEAR_START[i] > epochDay) {
            i--;
        }
        while (YEAR_START[i + 1] <= epochDay) {
            i++;
        }
        return i;
    }

    private YearTable tableOfWorkingDay(long wd) {
        // A year has 245-255 working days: the guess lands on the year or next to it.
        long guess = ANCHOR_YEAR - MIN_YEAR + Math.floorDiv(wd, WORKING_DAYS_PER_YEAR_GUESS);
        int i = (int) Math.max(0, Math.min(tables.length() - 1, guess));
        YearTable t = table(i);
        while (wd < t.base) {
            if (i == 0) {
                throw outOfRange("working day " + wd);
            }
            t = table(--i);
        }
        while (wd >= t.base + t.total) {
            if (i == tables.length() - 1) {
                throw outOfRange("working day " + wd);
            }
            t = table(++i);
        }
        return t;
    }

    private YearTable table(int i) {
        YearTable t = tables.get(i);
        return t != null ? t : buildTo(i);
    }

    /** Builds the tables between the built range and index i; bases chain outward from the anchor. */
    private YearTable buildTo(int i) {
        synchronized (buildLock) {
            YearTable t = tables.get(i);
            if (t != null) {
                return t;
            }
            if (i > highest) {
                for (int j = highest + 1; j <= i; j++) {
                    YearTable prev = tables.get(j - 1);
                    tables.set(j, table(MIN_YEAR + j, prev.base + prev.total, layout(MIN_YEAR + j)));
                    highest = j;
                }
            } else {
                for (int j = lowest - 1; j >= i; j--) {
                    Layout l = layout(MIN_YEAR + j);
                    tables.set(j, table(MIN_YEAR + j, tables.get(j + 1).base - count(l.working), l));
                    lowest = j;
                }
            }
            return tables.get(i);
        }
    }

    /** Which days of a year are worked, and the special ones with their reasons. */
    private record Layout(long firstEpochDay, boolean[] working, CalendarDay[] notes) {
    }

    private Layout layout(int year) {
        long first = YEAR_START[year - MIN_YEAR];
        int n = (int) (YEAR_START[year - MIN_YEAR + 1] - first);
        boolean[] working = new boolean[n];
        CalendarDay[] notes = new CalendarDay[n];
        for (int d = 0; d < n; d++) {
            working[d] = !isWeekendEpochDay(first + d);
        }
        // Later entries win: rules, then this year's schedules, then schedules of neighbouring
        // holiday years that spill into this one, then the operator's overrides.
        apply(planner.plan(year), first, working, notes);
        apply(planner.scheduledDays(year - 1), first, working, notes);
        apply(planner.scheduledDays(year + 1), first, working, notes);
        for (CalendarOverride o : overrides) {
            put(new CalendarDay(o.date(), o.kind(), o.reason()), first, working, notes);
        }
        return new Layout(first, working, notes);
    }

    private static void apply(List<CalendarDay> days, long first, boolean[] working, CalendarDay[] notes) {
        for (CalendarDay d : days) {
            put(d, first, working, notes);
        }
    }

    private static void put(CalendarDay d, long first, boolean[] working, CalendarDay[] notes) {
        long i = d.date().toEpochDay() - first;
        if (i >= 0 && i < working.length) {
            working[(int) i] = d.working();
            notes[(int) i] = d;
        }
    }

    private static YearTable table(int year, long base, Layout l) {
        int n = l.working.length;
        int[] cum = new int[n + 1];
        List<CalendarDay> off = new ArrayList<>();
        List<CalendarDay> weekendWork = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            cum[d + 1] = cum[d] + (l.working[d] ? 1 : 0);
            CalendarDay note = l.notes[d];
            if (!l.working[d] && note != null) {
                off.add(note);
            } else if (l.working[d] && isWeekendEpochDay(l.firstEpochDay + d)) {
                weekendWork.add(note);
            }
        }
        return new YearTable(year, l.firstEpochDay, base, cum, List.copyOf(off), List.copyOf(weekendWork));
    }

    private static int count(boolean[] working) {
        int c = 0;
        for (boolean w : working) {
            c += w ? 1 : 0;
        }
        return c;
    }

    static boolean isWeekendEpochDay(long epochDay) {
        // 1970-01-01 was a Thursday: Monday = 0 ... Saturday = 5, Sunday = 6.
        return Math.floorMod(epochDay + 3, 7) >= 5;
    }

    private static int checkYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw outOfRange(Integer.toString(year));
        }
        return year;
    }

    private static DateTimeException outOfRange(String what) {
        return new DateTimeException("working calendar covers " + MIN_YEAR + "-" + MAX_YEAR + ", not " + what);
    }

    /** Holder of the shared standard calendar. */
    private static final class Standard {
        static final WorkingCalendar INSTANCE = builder().build();
    }

    /** Configures a calendar: office periods, official schedules and operator overrides. */
    public static final class Builder {
        private List<WorkingPeriod> periods = DEFAULT_PERIODS;
        private OfficialSchedules schedules;
        private final List<CalendarOverride> overrides = new ArrayList<>();

        private Builder() {
        }

        public Builder periods(List<WorkingPeriod> periods) {
            this.periods = List.copyOf(periods);
            return this;
        }

        public Builder periods(WorkingPeriod... periods) {
            return periods(List.of(periods));
        }

        /** Replaces the bundled schedules (use {@link OfficialSchedules#none()} for rules only). */
        public Builder officialSchedules(OfficialSchedules schedules) {
            this.schedules = Objects.requireNonNull(schedules, "schedules");
            return this;
        }

        public Builder override(CalendarOverride override) {
            overrides.add(Objects.requireNonNull(override, "override"));
            return this;
        }

        public Builder overrides(List<CalendarOverride> more) {
            overrides.addAll(more);
            return this;
        }

        /** Adds the lines of an override file (see {@link CalendarOverride}). */
        public Builder overrides(Path file) {
            return overrides(CalendarOverride.parse(file));
        }

        public Builder overrides(Reader reader) {
            return overrides(CalendarOverride.parse(reader));
        }

        public WorkingCalendar build() {
            if (schedules == null) {
                schedules = OfficialSchedules.bundled();
            }
            return new WorkingCalendar(this);
        }
    }
}
