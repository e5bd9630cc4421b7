package io.dossierpulse.domain.dossier;

import io.dossierpulse.domain.agency.AgencyDirectory;

import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.calendar.WorkingCalendar;
import io.dossierpulse.domain.catalog.Commitment;
import io.dossierpulse.domain.catalog.Commitments;
import io.dossierpulse.domain.catalog.Procedure;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.catalog.ProcedureStep;
import io.dossierpulse.domain.indicators.Measure;
import io.dossierpulse.domain.indicators.ProcessingTime;
import io.dossierpulse.domain.sla.Breach;
import io.dossierpulse.domain.sla.Outcome;
import io.dossierpulse.domain.sla.SlaClock;
import io.dossierpulse.domain.sla.SlaEngine;
import io.dossierpulse.domain.sla.SlaEventType;
import java.time.Instant;
import java.util.List;

/**
 * Runs each dossier's SLA clock and says what every applied event changes in the counters.
 * Counters are kept under the dossier's receiving agency and procedure: flows on the local date of
 * the event, the open stock on the local date of acceptance (see {@link Measure}).
 *
 * <p>Rules beyond the SLA engine's: the clock starts at acceptance from the catalog's limit; for a
 * procedure not in the catalog it runs to the source's own {@code dueAt} when one is given, and is
 * absent otherwise: such a dossier is "SLA untracked" (OPEN_UNTRACKED, RESOLVED_UNTRACKED), never on
 * time nor late, until an event brings a {@code dueAt}, which starts its clock from acceptance. An
 * apology beyond the engine's limit of new appointments is counted and leaves the date as it was. A
 * dossier is at risk only when its limit is longer
 * than the at-risk threshold (a same-day dossier starts inside it, so there is no drop to announce).
 * Processing time is the working time from clock start to resolution, pauses included.
 */
final class DossierTracker {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long VIETNAM_OFFSET = 7 * 3_600;

    private final ProcedureCatalog catalog;
    private final SlaEngine engine;
    private final WorkingCalendar calendar;

    private final AgencyDirectory agencies;
    private final Commitments commitments;

    public DossierTracker(ProcedureCatalog catalog, SlaEngine engine, AgencyDirectory agencies,
            Commitments commitments) {
        this.agencies = agencies;
        this.commitments = commitments;
        this.catalog = catalog;
        this.engine = engine;
        this.calendar = engine.calendar();
    }

    /** The dossier's agency as counted: its code when the directory knows it, else UNREGISTERED. */
    String countedAgency(DossierState s) {
        return agencies.byCode(s.receivingAgencyCode()) != null ? s.receivingAgencyCode() : DossierLedger.UNREGISTERED;
    }

    /** The dossier's procedure as counted: its code when the catalog knows it, else UNREGISTERED. */
    String countedProcedure(DossierState s) {
        return s.has(DossierState.Flag.REGISTERED) || catalog.byCode(s.procedureCode()) != null ? s.procedureCode()
                : DossierLedger.UNREGISTERED;
    }

    /** Local (UTC+7) epoch day of an instant in epoch seconds. */
    public static long localDay(long epochSecond) {
        return Math.floorDiv(epochSecond + VIETNAM_OFFSET, SECONDS_PER_DAY);
    }

    /**
     * The SLA part of {@code after} (the state the lifecycle produced from {@code before} and
     * {@code e}), with the counter changes sent to the sink.
     */
    public DossierState track(DossierState before, DossierState after, DossierEvent e, Effects sink) {
        long at = e.occurredAt().getEpochSecond();
        long day = localDay(at);
        SlaClock clock = after.clock();
        int flags = after.flags();
        Outcome outcome = after.outcome();
        // The catalog's version in force on the acceptance date (the event's date before acceptance).
        long basisSecond = after.acceptedAtMillis() != 0 ? Math.floorDiv(after.acceptedAtMillis(), 1000) : at;
        Procedure procedure = catalog.byCode(after.procedureCode(), localDay(basisSecond));
        // Counted under codes the service knows, so that counter keys stay bounded.
        String agency = countedAgency(after);
        String procedureCode = countedProcedure(after);

        if (clock == null && procedure == null && e.dueAt() != null && before != null && !before.ended()
                && before.acceptedAtMillis() != 0) {
            // An untracked dossier's first appointment: its clock runs from acceptance to that due.
            clock = SlaClock.toSourceDue(
                    calendar.clockStart(Instant.ofEpochMilli(before.acceptedAtMillis())).getEpochSecond(),
                    e.dueAt().getEpochSecond());
            flags = enterTrackedStock(before, clock.dueSecond() < at, flags, at, sink);
        }
        if (before == null) {
            if (procedure != null) {
                flags |= DossierState.Flag.REGISTERED;
            } else {
                sink.count(agency, procedureCode, day, Measure.RECEIVED_UNREGISTERED, 1);
            }
            sink.count(agency, procedureCode, day, received(after), 1);
        }
        switch (e.type()) {
            case ACCEPTED -> {
                sink.count(agency, procedureCode, day, Measure.ACCEPTED, 1);
                clock = startClock(e, procedure);
                moveStock(after, clock == null ? Measure.OPEN_UNTRACKED : Measure.OPEN_ON_TIME, 1, at, sink);
                if (clock == null) {
                    flags |= DossierState.Flag.COUNTED_UNTRACKED;
                }
            }
            case SUPPLEMENT_REQUESTED -> {
                sink.count(agency, procedureCode, day, Measure.SUPPLEMENT_REQUESTS, 1);
                if (clock != null) {
                    clock = clock.supplementRequested(e.occurredAt());
                    if (clock.lateBySupplements() && (flags & DossierState.Flag.COUNTED_OVERDUE) == 0) {
                        moveToOverdue(after, at, sink);
                        flags |= DossierState.Flag.COUNTED_OVERDUE;
                    }
                }
            }
            case SUPPLEMENT_RECEIVED, FEE_PAID -> clock = clock == null ? null : clock.resume(e.occurredAt(), engine);
            case FEE_REQUESTED -> clock = clock == null ? null
                    : clock.feeRequested(e.occurredAt(), procedure != null && procedure.feePausesClock());
            case TRANSFERRED -> {
                if (clock != null) {
                    // The step ending is judged and charged to the agency that held the dossier.
                    clock = judgeStep(clock, before.currentAgencyCode(), procedureCode, e.occurredAt(), sink);
                    clock = clock.transfer(e.occurredAt(), nextAllotment(procedure, clock.stepIndex()), engine);
                    flags &= ~DossierState.Flag.STEP_BREACH_SENT;
                }
            }
            case APOLOGY_ISSUED -> {
                sink.count(agency, procedureCode, day, Measure.APOLOGIES, 1);
                if (clock != null) {
                    long standing = clock.reappointedDueSecond();
                    clock = clock.reappoint(e.occurredAt(), e.newDueAt(), engine);
                    if (clock.beyondReappointmentLimit(engine)) {
                        sink.count(agency, procedureCode, day, Measure.REAPPOINTMENTS_BEYOND_LIMIT, 1);
                    } else if (clock.reappointedDueSecond() != standing) {
                        // A new date replacing an earlier one (a limit above 1) is announced when missed, once.
                        flags &= ~DossierState.Flag.REAPPOINTMENT_BREACH_SENT;
                    }
                }
            }
            case RESOLVED, RESULT_RETURNED -> {
                if (e.type() == EventType.RESULT_RETURNED) {
                    sink.count(agency, procedureCode, day, Measure.RETURNED, 1);
                }
                if ((flags & DossierState.Flag.RESOLUTION_COUNTED) == 0) {
                    flags |= DossierState.Flag.RESOLUTION_COUNTED;
                    if (clock != null) {
                        clock = judgeStep(clock, after.currentAgencyCode(), procedureCode, e.occurredAt(), sink);
                    }
                    outcome = resolve(after, procedure, clock, e.occurredAt(), flags, sink);
                    if (outcome == Outcome.LATE) {
                        resolvedLate(after.withSla(clock, flags, outcome), at, sink);
                    }
                }
            }
            case WITHDRAWN, STOPPED, NOT_ACCEPTED -> {
                sink.count(agency, procedureCode, day, e.type() == EventType.WITHDRAWN ? Measure.WITHDRAWN
                        : e.type() == EventType.STOPPED ? Measure.STOPPED : Measure.NOT_ACCEPTED, 1);
                if (after.acceptedAtMillis() != 0) {
                    leaveOpenStock(after, flags, at, sink);
                    outcome = clock == null ? Outcome.UNTRACKED : clock.outcome(e.occurredAt(), engine);
                    if (outcome == Outcome.LATE) {
                        // Processed past its due, then ended without a result: late in the period it ended.
                        sink.count(agency, procedureCode, day, Measure.ENDED_NO_RESULT_OVERDUE, 1);
                    }
                }
            }
            default -> {
                // SUBMITTED, PROCESSING: nothing for the clock or the counters beyond the above.
            }
        }
        if (clock != null && (flags & DossierState.Flag.REGISTERED) == 0 && e.dueAt() != null && !clock.paused()) {
            // Without a catalog limit the source's own appointment is the due.
            clock = clock.withDue(e.dueAt().getEpochSecond());
        }
        if (procedure != null && clock != null && after.sourceDueSecond() != SlaClock.NONE
                && (flags & DossierState.Flag.SOURCE_DUE_COMPARED) == 0) {
            flags |= DossierState.Flag.SOURCE_DUE_COMPARED;
            compareSourceDue(after.sourceDueSecond(), clock.dueSecond(), agency, procedureCode, day, sink);
        }
        if (clock == after.clock() && flags == after.flags() && outcome == after.outcome()) {
            return after;
        }
        return after.withSla(clock, flags, outcome);
    }

    /**
     * A source's appointment against the legal due of a catalogued procedure, by local date (a source
     * promising 16:30 on the due date agrees): earlier or later is counted once, as a data-quality
     * signal; the dossier is judged by the law's due whatever the source said.
     */
    private static void compareSourceDue(long sourceDue, long legalDue, String agency, String procedure, long day,
            Effects sink) {
        long s = localDay(sourceDue);
        long l = localDay(legalDue);
        if (s != l) {
            sink.count(agency, procedure, day, s < l ? Measure.SOURCE_DUE_EARLIER : Measure.SOURCE_DUE_LATER, 1);
        }
    }

    /**
     * The current inter-agency step judged at its end against its own allotment (nothing without
     * one): STEPS_ON_TIME or STEPS_LATE under the agency that held the dossier, on the end's date.
     */
    private SlaClock judgeStep(SlaClock clock, String stepAgency, String procedureCode, Instant end, Effects sink) {
        Outcome step = clock.stepOutcome(end, engine);
        if (step == null) {
            return clock;
        }
        String agency = agencies.byCode(stepAgency) != null ? stepAgency : DossierLedger.UNREGISTERED;
        boolean late = step == Outcome.LATE;
        sink.count(agency, procedureCode, localDay(end.getEpochSecond()), late ? Measure.STEPS_LATE : Measure.STEPS_ON_TIME,
                1);
        return late ? clock.stepJudgedLate() : clock;
    }

    private void resolvedLate(DossierState s, long endSecond, Effects sink) {
        SlaClock c = s.clock();
        boolean apologized = c.reappointedDueSecond() != SlaClock.NONE;
        sink.announce(SlaEventType.RESOLVED_LATE, s, endSecond, c.dueSecond(), endSecond * 1000,
                overdueMinutes(s, Instant.ofEpochSecond(endSecond)), !apologized);
    }

    private SlaClock startClock(DossierEvent e, Procedure procedure) {
        if (procedure != null) {
            return engine.start(e.occurredAt(), procedure);
        }
        if (e.dueAt() != null) {
            return SlaClock.toSourceDue(calendar.clockStart(e.occurredAt()).getEpochSecond(), e.dueAt().getEpochSecond());
        }
        return null;
    }

    private static io.dossierpulse.domain.sla.SlaLimit nextAllotment(Procedure procedure, int stepIndex) {
        if (procedure == null) {
            return null;
        }
        List<ProcedureStep> steps = procedure.steps();
        return stepIndex + 1 < steps.size() ? steps.get(stepIndex + 1).allotment() : null;
    }

    private static Measure received(DossierState s) {
        if (s.channel() == null) {
            return Measure.RECEIVED_IN_PERSON;
        }
        return switch (s.channel()) {
            case ONLINE -> Measure.RECEIVED_ONLINE;
            case POSTAL -> Measure.RECEIVED_POSTAL;
            case IN_PERSON -> Measure.RECEIVED_IN_PERSON;
        };
    }

    private Outcome resolve(DossierState s, Procedure catalogued, SlaClock clock, Instant end, int flags, Effects sink) {
        String agency = countedAgency(s);
        String procedure = countedProcedure(s);
        long day = localDay(end.getEpochSecond());
        Outcome outcome = clock == null ? Outcome.UNTRACKED : clock.outcome(end, engine);
        sink.count(agency, procedure, day, switch (outcome) {
            case EARLY -> Measure.RESOLVED_EARLY;
            case LATE -> Measure.RESOLVED_LATE;
            case UNTRACKED -> Measure.RESOLVED_UNTRACKED;
            default -> Measure.RESOLVED_ON_TIME;
        }, 1);
        sink.count(agency, procedure, day, Measure.ENDED, 1);
        if (catalogued != null && clock != null && s.acceptedAtMillis() != 0) {
            judgeCommitment(s, catalogued, clock, end, agency, procedure, day, sink);
        }
        // The online-payment denominator (DOMAIN §6): the catalog's fee column for a procedure it
        // knows, whatever the events said; the source's feeRequired only outside the catalog.
        if (catalogued != null ? catalogued.feeBearing() : (flags & DossierState.Flag.FEE_REQUIRED) != 0) {
            sink.count(agency, procedure, day, Measure.ENDED_FEE_BEARING, 1);
            if ((flags & DossierState.Flag.PAID_ONLINE) != 0) {
                sink.count(agency, procedure, day, Measure.ENDED_PAID_ONLINE, 1);
            }
        }
        if ((flags & DossierState.Flag.DIGITIZED) != 0) {
            sink.count(agency, procedure, day, Measure.ENDED_DIGITIZED, 1);
        }
        if (clock != null) {
            long minutes = (calendar.workingOrdinal(end.getEpochSecond())
                    - calendar.workingOrdinal(clock.clockStartSecond())) / 60;
            sink.count(agency, procedure, day, Measure.processingTimeBucket(ProcessingTime.bucket(minutes)), 1);
        }
        if (s.acceptedAtMillis() != 0) {
            leaveOpenStock(s, flags, end.getEpochSecond(), sink);
        }
        return outcome;
    }

    /** Against an agency's committed time, where one applies: counted beside the statutory outcome. */
    private void judgeCommitment(DossierState s, Procedure catalogued, SlaClock clock, Instant end, String agency,
            String procedure, long day, Effects sink) {
        if (!commitments.covers(catalogued.code())) {
            return; // most procedures: no date to build on the per-resolution path
        }
        long accepted = Math.floorDiv(s.acceptedAtMillis(), 1000);
        Commitment c = commitments.find(catalogued.code(), s.receivingAgencyCode(),
                java.time.LocalDate.ofEpochDay(localDay(accepted)), agencies);
        if (c != null) {
            Outcome o = clock.committedOutcome(end, accepted, catalogued.limit(), c.limit(), engine);
            sink.count(agency, procedure, day,
                    o == Outcome.LATE ? Measure.RESOLVED_BEYOND_COMMITMENT : Measure.RESOLVED_WITHIN_COMMITMENT, 1);
        }
    }

    /**
     * An untracked dossier given its first due: from the untracked stock to the on-time one, or
     * straight to the overdue one when that due has already passed (its breach is still announced),
     * so no move is ever dated before the dossier entered a stock. A state stored before the
     * untracked stock existed is in the on-time one already. Returns the flags after the move.
     */
    private int enterTrackedStock(DossierState s, boolean overdue, int flags, long at, Effects sink) {
        Measure from = (flags & DossierState.Flag.COUNTED_UNTRACKED) != 0 ? Measure.OPEN_UNTRACKED : Measure.OPEN_ON_TIME;
        Measure into = overdue ? Measure.OPEN_OVERDUE : Measure.OPEN_ON_TIME;
        if (from != into) {
            moveStock(s, from, -1, at, sink);
            moveStock(s, into, 1, at, sink);
        }
        int next = flags & ~DossierState.Flag.COUNTED_UNTRACKED;
        return overdue ? next | DossierState.Flag.COUNTED_OVERDUE : next;
    }

    private void leaveOpenStock(DossierState s, int flags, long endSecond, Effects sink) {
        Measure stock = (flags & DossierState.Flag.COUNTED_UNTRACKED) != 0 ? Measure.OPEN_UNTRACKED
                : (flags & DossierState.Flag.COUNTED_OVERDUE) != 0 ? Measure.OPEN_OVERDUE : Measure.OPEN_ON_TIME;
        moveStock(s, stock, -1, endSecond, sink);
    }

    private void moveToOverdue(DossierState s, long movedSecond, Effects sink) {
        moveStock(s, Measure.OPEN_ON_TIME, -1, movedSecond, sink);
        moveStock(s, Measure.OPEN_OVERDUE, 1, movedSecond, sink);
    }

    /**
     * A change of the open stock: kept under the acceptance date (the stock now), and as a move under
     * the date it happened, from which a period's stock at its end is read (PeriodTally).
     */
    private void moveStock(DossierState s, Measure stock, long delta, long movedSecond, Effects sink) {
        String agency = countedAgency(s);
        String procedure = countedProcedure(s);
        sink.count(agency, procedure, localDay(Math.floorDiv(s.acceptedAtMillis(), 1000)), stock, delta);
        Measure move = switch (stock) {
            case OPEN_ON_TIME -> Measure.MOVED_OPEN_ON_TIME;
            case OPEN_OVERDUE -> Measure.MOVED_OPEN_OVERDUE;
            case OPEN_UNTRACKED -> Measure.MOVED_OPEN_UNTRACKED;
            default -> throw new IllegalArgumentException(stock + " is not an open-stock measure");
        };
        sink.count(agency, procedure, localDay(movedSecond), move, delta);
    }

    // ------------------------------------------------------------ deadlines

    /**
     * When a deadline of the dossier is to be announced, in epoch seconds, or {@link SlaClock#NONE}
     * when there is none pending: no clock, ended, paused (a pause moves every due), or already sent.
     */
    public long deadlineSecond(DossierState s, Deadline d) {
        SlaClock c = s.clock();
        if (c == null || s.ended() || c.paused() || s.has(d.sentFlag())) {
            return SlaClock.NONE;
        }
        return switch (d) {
            case AT_RISK -> {
                long risk = c.atRiskSecond(engine.atRiskThresholdSeconds(), engine);
                yield risk > c.clockStartSecond() && risk < c.dueSecond() ? risk : SlaClock.NONE;
            }
            case DUE -> c.breachSecond(Breach.DUE);
            case REAPPOINTMENT -> c.breachSecond(Breach.REAPPOINTMENT);
            case STEP -> c.breachSecond(Breach.STEP);
        };
    }

    /**
     * The state after announcing a deadline: marked as sent; a breach moves the dossier to the
     * overdue stock.
     */
    public DossierState fire(DossierState s, Deadline d, long second, long detectedAtMillis, Effects sink) {
        int flags = s.flags() | d.sentFlag();
        if (d == Deadline.DUE && !s.has(DossierState.Flag.COUNTED_OVERDUE)) {
            moveToOverdue(s, second, sink); // overdue from the due itself, whenever it was detected
            flags |= DossierState.Flag.COUNTED_OVERDUE;
        }
        DossierState fired = s.withSla(s.clock(), flags, s.outcome());
        SlaClock c = s.clock();
        SlaEventType type = d.announcedAs();
        long due = switch (d) {
            case REAPPOINTMENT -> c.reappointedDueSecond();
            case STEP -> c.stepDueSecond();
            default -> c.dueSecond();
        };
        // The apology to the applicant is owed for the dossier's own dues; a late step is the
        // agencies' matter (its data names the agency), not a missed appointment.
        boolean apologyRequired = d == Deadline.DUE || d == Deadline.REAPPOINTMENT;
        sink.announce(type, fired, second, due, detectedAtMillis,
                overdueMinutes(fired, Instant.ofEpochMilli(detectedAtMillis)), apologyRequired);
        return fired;
    }

    /** Working minutes past the procedure's due at {@code at} (0 while within time or without a clock). */
    public long overdueMinutes(DossierState s, Instant at) {
        return s.clock() == null ? 0 : s.clock().overdueWorkingSeconds(at, engine) / 60;
    }
}
