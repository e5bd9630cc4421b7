package io.dossierpulse.domain.sla;

import io.dossierpulse.domain.calendar.WorkingCalendar;
import io.dossierpulse.domain.catalog.Procedure;
import java.time.Instant;
import java.util.Objects;

/**
 * Due dates of statutory limits on a working calendar (docs/domain.md), and the factory of
 * {@link SlaClock}s. Stateless apart from its calendar and at-risk threshold; thread-safe.
 *
 * <ul>
 *   <li>WORKING_DAYS: D x the calendar's working day (480 working minutes by default);</li>
 *   <li>WORKING_HOURS: H x 60 working minutes;</li>
 *   <li>SAME_DAY: the end of the working day of acceptance; the end of the next working day when
 *       accepted after the cutoff, at or after the last period's end, or on a non-working day.</li>
 * </ul>
 * The due is the first instant at which the working time has elapsed, so it can be exactly a
 * period's end (17:00) but never inside a break.
 */
public final class SlaEngine {

    /** Default at-risk threshold: one working day of 480 minutes remaining. */
    public static final long DEFAULT_AT_RISK_SECONDS = 480L * 60;

    /**
     * Default number of new appointments a dossier may be given (Decree 61/2018 art. 19: the apology
     * letter sets one new date). 0 means no limit.
     */
    public static final int DEFAULT_MAX_REAPPOINTMENTS = 1;

    private final WorkingCalendar calendar;
    private final long atRiskSeconds;
    private final int maxReappointments;

    public SlaEngine(WorkingCalendar calendar) {
        this(calendar, DEFAULT_AT_RISK_SECONDS);
    }

    public SlaEngine(WorkingCalendar calendar, long atRiskThresholdSeconds) {
        this(calendar, atRiskThresholdSeconds, DEFAULT_MAX_REAPPOINTMENTS);
    }

    /** @param maxReappointments new appointments a dossier may be given; 0: no limit */
    public SlaEngine(WorkingCalendar calendar, long atRiskThresholdSeconds, int maxReappointments) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        if (atRiskThresholdSeconds < 0) {
            throw new IllegalArgumentException("at-risk threshold must not be negative: " + atRiskThresholdSeconds);
        }
        if (maxReappointments < 0) {
            throw new IllegalArgumentException("max re-appointments must not be negative: " + maxReappointments);
        }
        this.atRiskSeconds = atRiskThresholdSeconds;
        this.maxReappointments = maxReappointments;
    }

    /** New appointments a dossier may be given; 0: no limit. */
    public int maxReappointments() {
        return maxReappointments;
    }

    /** Whether a dossier given {@code given} new appointments may be given no further one. */
    public boolean reappointmentLimitReached(int given) {
        return maxReappointments > 0 && given >= maxReappointments;
    }

    /** On {@link WorkingCalendar#standard()} with the default threshold. */
    public static SlaEngine standard() {
        return Standard.INSTANCE;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /** Remaining working seconds at which a dossier becomes at risk. */
    public long atRiskThresholdSeconds() {
        return atRiskSeconds;
    }

    /** Working seconds a limit grants; -1 for SAME_DAY, whose due is an end of day rather than an amount. */
    public long limitWorkingSeconds(SlaLimit limit) {
        return switch (limit.unit()) {
            case WORKING_DAYS -> (long) limit.amount() * calendar.workingSecondsPerDay();
            case WORKING_HOURS -> limit.amount() * 3600L;
            case SAME_DAY -> -1;
        };
    }

    /** Clock start and due of a limit accepted at {@code acceptedAt}. */
    public Due due(Instant acceptedAt, SlaLimit limit) {
        long accepted = acceptedAt.getEpochSecond();
        long ordinal = calendar.workingOrdinal(accepted);
        long start = calendar.resumedAt(ordinal);
        return new Due(start == accepted ? acceptedAt : Instant.ofEpochSecond(start),
                Instant.ofEpochSecond(dueFrom(accepted, ordinal, limit)));
    }

    /** Epoch second where a clock accepted at {@code acceptedEpochSecond} starts. */
    public long clockStartEpochSecond(long acceptedEpochSecond) {
        return calendar.resumedAt(calendar.workingOrdinal(acceptedEpochSecond));
    }

    /** Epoch second of the due of {@code limit} accepted at {@code acceptedEpochSecond}; allocation-free. */
    public long dueEpochSecond(long acceptedEpochSecond, SlaLimit limit) {
        if (limit.unit() == LimitUnit.SAME_DAY) {
            return sameDayDue(acceptedEpochSecond, limit);
        }
        return dueFrom(acceptedEpochSecond, calendar.workingOrdinal(acceptedEpochSecond), limit);
    }

    private long dueFrom(long accepted, long ordinal, SlaLimit limit) {
        LimitUnit unit = limit.unit();
        if (unit == LimitUnit.WORKING_DAYS) {
            // Outside working time the ordinal already equals that of the next clock start.
            return calendar.reachedAt(ordinal + (long) limit.amount() * calendar.workingSecondsPerDay());
        }
        if (unit == LimitUnit.WORKING_HOURS) {
            return calendar.reachedAt(ordinal + limit.amount() * 3600L);
        }
        return sameDayDue(accepted, limit);
    }

    private long sameDayDue(long accepted, SlaLimit limit) {
        long local = accepted + WorkingCalendar.OFFSET.getTotalSeconds();
        long day = Math.floorDiv(local, 86_400);
        int secondOfDay = (int) (local - day * 86_400);
        boolean sameDay = calendar.isWorkingEpochDay(day)
                && secondOfDay < calendar.endOfDaySecond()
                && (limit.cutoff() == null || secondOfDay <= limit.cutoff().toSecondOfDay());
        return calendar.endOfWorkingEpochDay(sameDay ? day : calendar.nextWorkingEpochDay(day));
    }

    /** A clock for a dossier of {@code procedure} accepted at {@code acceptedAt}; step 0 runs on the first step's allotment. */
    public SlaClock start(Instant acceptedAt, Procedure procedure) {
        return start(acceptedAt, procedure.limit(),
                procedure.steps().isEmpty() ? null : procedure.steps().get(0).allotment());
    }

    /**
     * A clock accepted at {@code acceptedAt}.
     *
     * @param total     the procedure's limit
     * @param firstStep the first inter-agency step's allotment, or null when there are no steps
     */
    public SlaClock start(Instant acceptedAt, SlaLimit total, SlaLimit firstStep) {
        long accepted = acceptedAt.getEpochSecond();
        long ordinal = calendar.workingOrdinal(accepted);
        return new SlaClock(
                calendar.resumedAt(ordinal),
                dueFrom(accepted, ordinal, total),
                SlaClock.NONE,
                SlaClock.NONE,
                firstStep == null ? SlaClock.NONE : dueFrom(accepted, ordinal, firstStep),
                0,
                0,
                0,
                0);
    }

    /** Holder of the shared standard engine. */
    private static final class Standard {
        static final SlaEngine INSTANCE = new SlaEngine(WorkingCalendar.standard());
    }
}
