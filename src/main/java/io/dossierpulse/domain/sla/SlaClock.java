package io.dossierpulse.domain.sla;

import io.dossierpulse.domain.calendar.WorkingCalendar;
import java.time.Instant;

/**
 * The SLA clock of one dossier: an immutable value of epoch seconds and counters (72 bytes), so
 * that each event costs one small allocation. Transitions that need working-time arithmetic take
 * the {@link SlaEngine}; absent instants are {@link #NONE}.
 *
 * <p>Rules (docs/domain.md): a pause (supplement requested; fee requested where the procedure
 * does not count the financial step) stops the clock, and the resume moves every due of the clock
 * (the procedure's, the current step's and a re-appointment) later by the working time paused. A
 * dossier whose supplement was requested more than once is LATE whatever its end. While paused,
 * queries see the dues moved by the working time paused so far.
 *
 * @param clockStartSecond     where the clock started (acceptance, or the next period start)
 * @param dueSecond            the procedure's due, moved by finished pauses
 * @param pausedSecond         when the current pause began, or NONE when running
 * @param reappointedDueSecond the new appointment of the latest apology, or NONE
 * @param stepDueSecond        the current inter-agency step's due, or NONE when it has no allotment
 * @param stepIndex            the current step, 0 first; TRANSFERRED moves to the next
 * @param supplementRequests   supplement requests so far
 * @param reappointments       apologies with a new appointment so far, those beyond the engine's limit included
 * @param lateSteps            the inter-agency steps judged late, one bit per step index (0-30)
 */
public record SlaClock(
        long clockStartSecond,
        long dueSecond,
        long pausedSecond,
        long reappointedDueSecond,
        long stepDueSecond,
        int stepIndex,
        int supplementRequests,
        int reappointments,
        int lateSteps) {

    /** Marks an absent instant. */
    public static final long NONE = Long.MIN_VALUE;

    /**
     * A clock running to the source's own appointment (a procedure outside the catalog): no steps,
     * nothing paused or re-appointed yet.
     */
    public static SlaClock toSourceDue(long clockStartSecond, long dueSecond) {
        return new SlaClock(clockStartSecond, dueSecond, NONE, NONE, NONE, 0, 0, 0, 0);
    }

    /** The same clock running to another due, the source's latest word (not paused: the pause would move it). */
    public SlaClock withDue(long newDueSecond) {
        return new SlaClock(clockStartSecond, newDueSecond, pausedSecond, reappointedDueSecond, stepDueSecond,
                stepIndex, supplementRequests, reappointments, lateSteps);
    }

    // ------------------------------------------------------------ transitions

    /** SUPPLEMENT_REQUESTED: counts the request and pauses (a request while paused keeps the pause's start). */
    public SlaClock supplementRequested(Instant at) {
        long paused = pausedSecond == NONE ? at.getEpochSecond() : pausedSecond;
        return new SlaClock(clockStartSecond, dueSecond, paused, reappointedDueSecond, stepDueSecond, stepIndex,
                supplementRequests + 1, reappointments, lateSteps);
    }

    /** FEE_REQUESTED: pauses only when the procedure does not count the financial step. */
    public SlaClock feeRequested(Instant at, boolean feePausesClock) {
        return feePausesClock ? pause(at) : this;
    }

    /** Stops the clock; a no-op when already paused. */
    public SlaClock pause(Instant at) {
        if (pausedSecond != NONE) {
            return this;
        }
        return new SlaClock(clockStartSecond, dueSecond, at.getEpochSecond(), reappointedDueSecond, stepDueSecond,
                stepIndex, supplementRequests, reappointments, lateSteps);
    }

    /** SUPPLEMENT_RECEIVED / FEE_PAID: restarts the clock, moving every due by the working time paused. */
    public SlaClock resume(Instant at, SlaEngine engine) {
        if (pausedSecond == NONE) {
            return this;
        }
        WorkingCalendar cal = engine.calendar();
        long paused = cal.workingOrdinal(at.getEpochSecond()) - cal.workingOrdinal(pausedSecond);
        if (paused <= 0) {
            return new SlaClock(clockStartSecond, dueSecond, NONE, reappointedDueSecond, stepDueSecond, stepIndex,
                    supplementRequests, reappointments, lateSteps);
        }
        return new SlaClock(clockStartSecond, shift(dueSecond, paused, cal), NONE,
                shift(reappointedDueSecond, paused, cal), shift(stepDueSecond, paused, cal), stepIndex,
                supplementRequests, reappointments, lateSteps);
    }

    /**
     * APOLOGY_ISSUED at {@code at}: a new appointment, a second due; a later apology within the
     * engine's limit of re-appointments replaces it, one beyond the limit is counted but leaves the
     * standing appointment as it is (the law allows one new date; docs/domain.md). The date promised
     * is the one given: a pause under way moves it only by its part after the apology (the resume
     * adds the whole pause, so the part before is taken off here, as for a transfer).
     */
    public SlaClock reappoint(Instant at, Instant newDueAt, SlaEngine engine) {
        if (engine.reappointmentLimitReached(reappointments)) {
            return new SlaClock(clockStartSecond, dueSecond, pausedSecond, reappointedDueSecond, stepDueSecond,
                    stepIndex, supplementRequests, reappointments + 1, lateSteps);
        }
        long due = newDueAt.getEpochSecond();
        if (pausedSecond != NONE) {
            WorkingCalendar cal = engine.calendar();
            long before = cal.workingOrdinal(at.getEpochSecond()) - cal.workingOrdinal(pausedSecond);
            if (before > 0) {
                due = cal.reachedAt(cal.workingOrdinal(due) - before);
            }
        }
        return new SlaClock(clockStartSecond, dueSecond, pausedSecond, due, stepDueSecond, stepIndex,
                supplementRequests, reappointments + 1, lateSteps);
    }

    /** Whether the latest apology was beyond the engine's limit of re-appointments (and so left the date as it was). */
    public boolean beyondReappointmentLimit(SlaEngine engine) {
        return reappointments > 0 && engine.reappointmentLimitReached(reappointments - 1);
    }

    /**
     * TRANSFERRED: the next step begins at {@code at} with its own allotment (null when the
     * procedure defines none for it). Judge the finished step with {@link #stepOutcome} first.
     */
    public SlaClock transfer(Instant at, SlaLimit nextAllotment, SlaEngine engine) {
        long stepDue = NONE;
        if (nextAllotment != null) {
            long s = at.getEpochSecond();
            stepDue = engine.dueEpochSecond(s, nextAllotment);
            if (pausedSecond != NONE) {
                // The resume will add the whole pause; only its part after the transfer is this step's.
                WorkingCalendar cal = engine.calendar();
                long before = cal.workingOrdinal(s) - cal.workingOrdinal(pausedSecond);
                if (before > 0) {
                    stepDue = cal.reachedAt(cal.workingOrdinal(stepDue) - before);
                }
            }
        }
        return new SlaClock(clockStartSecond, dueSecond, pausedSecond, reappointedDueSecond, stepDue, stepIndex + 1,
                supplementRequests, reappointments, lateSteps);
    }

    /** The current step marked as judged late (steps beyond index 30 are judged but not remembered). */
    public SlaClock stepJudgedLate() {
        int bit = stepIndex < 31 ? 1 << stepIndex : 0;
        return new SlaClock(clockStartSecond, dueSecond, pausedSecond, reappointedDueSecond, stepDueSecond, stepIndex,
                supplementRequests, reappointments, lateSteps | bit);
    }

    // ------------------------------------------------------------ queries

    /** Whether step {@code index} was judged late. */
    public boolean stepLate(int index) {
        return index >= 0 && index < 31 && (lateSteps & (1 << index)) != 0;
    }

    public boolean paused() {
        return pausedSecond != NONE;
    }

    /** The 766 rule: a supplement requested more than once makes the dossier late. */
    public boolean lateBySupplements() {
        return supplementRequests > 1;
    }

    public Instant clockStart() {
        return Instant.ofEpochSecond(clockStartSecond);
    }

    /** The procedure's due, moved by finished pauses. */
    public Instant dueAt() {
        return Instant.ofEpochSecond(dueSecond);
    }

    /** The re-appointed due, or null. */
    public Instant reappointedDueAt() {
        return toInstant(reappointedDueSecond);
    }

    /** The current step's due, or null. */
    public Instant stepDueAt() {
        return toInstant(stepDueSecond);
    }

    /** When the current pause began, or null. */
    public Instant pausedAt() {
        return toInstant(pausedSecond);
    }

    /** Epoch second of a due as it stands now (finished pauses only), or NONE. */
    public long breachSecond(Breach breach) {
        return switch (breach) {
            case DUE -> dueSecond;
            case STEP -> stepDueSecond;
            case REAPPOINTMENT -> reappointedDueSecond;
        };
    }

    /** The instant of a breach as things stand, or null when the clock has no such due. */
    public Instant breachAt(Breach breach) {
        return toInstant(breachSecond(breach));
    }

    /** The procedure's due as seen at {@code at}: an ongoing pause pushes it later by the working time paused so far. */
    public Instant dueAsOf(Instant at, SlaEngine engine) {
        return Instant.ofEpochSecond(effective(dueSecond, at.getEpochSecond(), engine.calendar()));
    }

    /** Any due as seen at {@code at} (an ongoing pause counted), or null when the clock has no such due. */
    public Instant dueAsOf(Breach breach, Instant at, SlaEngine engine) {
        return toInstant(effective(breachSecond(breach), at.getEpochSecond(), engine.calendar()));
    }

    /** Final classification of a dossier whose processing ended at {@code end}. */
    public Outcome outcome(Instant end, SlaEngine engine) {
        if (lateBySupplements()) {
            return Outcome.LATE;
        }
        long e = end.getEpochSecond();
        return classify(e, effective(dueSecond, e, engine.calendar()));
    }

    /** Standing of an open dossier at {@code now}. */
    public Outcome status(Instant now, SlaEngine engine) {
        long n = now.getEpochSecond();
        if (lateBySupplements() || n > effective(dueSecond, n, engine.calendar())) {
            return Outcome.IN_PROGRESS_OVERDUE;
        }
        return Outcome.IN_PROGRESS_ON_TIME;
    }

    /**
     * The outcome at {@code end} against a committed limit shorter than the statutory one: its due is
     * counted from acceptance and moved by the same pauses as the statutory due (what moved that due
     * is the pause total). More than one supplement round is late here too.
     */
    public Outcome committedOutcome(Instant end, long acceptedSecond, SlaLimit statutory, SlaLimit committed,
            SlaEngine engine) {
        if (lateBySupplements()) {
            return Outcome.LATE;
        }
        long e = end.getEpochSecond();
        return classify(e, effective(committedDueSecond(acceptedSecond, statutory, committed, engine), e,
                engine.calendar()));
    }

    /** The committed limit's due, moved by the finished pauses as the statutory due was. */
    public long committedDueSecond(long acceptedSecond, SlaLimit statutory, SlaLimit committed, SlaEngine engine) {
        WorkingCalendar cal = engine.calendar();
        long paused = cal.workingOrdinal(dueSecond) - cal.workingOrdinal(engine.dueEpochSecond(acceptedSecond, statutory));
        long base = engine.dueEpochSecond(acceptedSecond, committed);
        return paused <= 0 ? base : shift(base, paused, cal);
    }

    /** The current step judged against its own allotment at its end (a transfer or the dossier's end); null without one. */
    public Outcome stepOutcome(Instant end, SlaEngine engine) {
        if (stepDueSecond == NONE) {
            return null;
        }
        long e = end.getEpochSecond();
        return classify(e, effective(stepDueSecond, e, engine.calendar()));
    }

    /** The new appointment as it stands at {@code at} (an ongoing pause counted); null without an apology. */
    public Instant reappointedDueAsOf(Instant at, SlaEngine engine) {
        return reappointedDueSecond == NONE ? null : dueAsOf(Breach.REAPPOINTMENT, at, engine);
    }

    /** Whether the re-appointed due, if any, is missed at {@code at}. */
    public boolean reappointmentMissed(Instant at, SlaEngine engine) {
        if (reappointedDueSecond == NONE) {
            return false;
        }
        long a = at.getEpochSecond();
        return a > effective(reappointedDueSecond, a, engine.calendar());
    }

    /** Working seconds left at {@code at} before the due; negative once overdue. */
    public long remainingWorkingSeconds(Instant at, SlaEngine engine) {
        WorkingCalendar cal = engine.calendar();
        long a = at.getEpochSecond();
        return cal.workingOrdinal(effective(dueSecond, a, cal)) - cal.workingOrdinal(a);
    }

    /** Working seconds past the due at {@code at}; 0 while within time. */
    public long overdueWorkingSeconds(Instant at, SlaEngine engine) {
        return Math.max(0, -remainingWorkingSeconds(at, engine));
    }

    /** When the dossier becomes at risk, with the engine's threshold. */
    public Instant atRiskAt(SlaEngine engine) {
        return Instant.ofEpochSecond(atRiskSecond(engine.atRiskThresholdSeconds(), engine));
    }

    /**
     * The first instant at which the remaining working time is at most {@code thresholdSeconds};
     * the clock start when the limit is within the threshold from the outset. Computed on the due
     * as it stands: a resume moves it.
     */
    public long atRiskSecond(long thresholdSeconds, SlaEngine engine) {
        WorkingCalendar cal = engine.calendar();
        long target = cal.workingOrdinal(dueSecond) - thresholdSeconds;
        return target <= cal.workingOrdinal(clockStartSecond) ? clockStartSecond : cal.reachedAt(target);
    }

    // ------------------------------------------------------------ helpers

    /** LATE after the due instant; EARLY on an earlier local date; else ON_TIME. */
    static Outcome classify(long endSecond, long dueSecond) {
        if (endSecond > dueSecond) {
            return Outcome.LATE;
        }
        return localDay(endSecond) < localDay(dueSecond) ? Outcome.EARLY : Outcome.ON_TIME;
    }

    private long effective(long due, long at, WorkingCalendar cal) {
        if (due == NONE || pausedSecond == NONE) {
            return due;
        }
        long paused = cal.workingOrdinal(at) - cal.workingOrdinal(pausedSecond);
        return paused <= 0 ? due : shift(due, paused, cal);
    }

    private static long shift(long due, long workingSeconds, WorkingCalendar cal) {
        return due == NONE ? NONE : cal.reachedAt(cal.workingOrdinal(due) + workingSeconds);
    }

    private static long localDay(long epochSecond) {
        return Math.floorDiv(epochSecond + WorkingCalendar.OFFSET.getTotalSeconds(), 86_400);
    }

    private static Instant toInstant(long second) {
        return second == NONE ? null : Instant.ofEpochSecond(second);
    }
}
