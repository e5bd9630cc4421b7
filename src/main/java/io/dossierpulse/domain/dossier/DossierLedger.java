package io.dossierpulse.domain.dossier;

import io.dossierpulse.domain.agency.AgencyDirectory;

import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.catalog.Commitments;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.lifecycle.DossierLifecycle;
import io.dossierpulse.domain.lifecycle.RejectionReason;
import io.dossierpulse.domain.lifecycle.Transition;
import io.dossierpulse.domain.sla.SlaClock;
import io.dossierpulse.domain.sla.SlaEngine;

/**
 * The one entry point of the domain for a stream task: given a dossier's stored state and an
 * event (or a deadline passing), it decides the verdict and fills an {@link Effects} buffer with
 * the next state, the counter deltas and the announcements. Pure: no store, no topic, no clock of
 * its own; the caller passes the wall-clock time and persists what the buffer says.
 *
 * <p>Intake rules, in order (docs/domain.md):
 * <ol>
 * <li>an event dated beyond the wall clock plus {@link IntakeLimits#maxFutureSkew} is REJECTED
 *     (FUTURE_EVENT), and so is one whose seq is more than {@link IntakeLimits#maxSeqGap} beyond the
 *     next expected (SEQ_GAP_TOO_LARGE); neither uses up a seq;</li>
 * <li>an eventId already applied, or a seq at or below the last applied one, is a DUPLICATE, except
 *     a seq given up on after a hold timeout, which is REJECTED (SEQ_SKIPPED), and a recent seq
 *     (among the last {@link DossierState#REMEMBERED_EVENT_IDS}) used by another eventId, which is
 *     REJECTED (SEQ_CONFLICT); older seqs cannot be told apart and count as duplicates;</li>
 * <li>a seq beyond the next expected one is HELD until the gap fills (or the hold times out);</li>
 * <li>otherwise the lifecycle decides: APPLIED, or REJECTED with its reason; a rejected event still
 *     uses up its seq so that later events are not held behind it.</li>
 * </ol>
 *
 * <p>Deadline rule (docs/architecture.md, "When a deadline is announced"): before an event is
 * applied, every pending deadline of its dossier earlier than the event's time is announced first
 * (the event proves the dossier was open then); otherwise a deadline is announced by the task's
 * scan once its horizon has passed it and the dossier has {@linkplain #settled settled}.
 */
public final class DossierLedger {

    /**
     * The counter bucket of agency and procedure codes the directory and the catalog do not know:
     * clients cannot grow the counters, the view and their stores with codes of their choosing. The
     * dossier itself keeps the codes it was given.
     */
    public static final String UNREGISTERED = "UNREGISTERED";

    private final DossierTracker tracker;
    private final AgencyDirectory agencies;
    private final long maxFutureSkewMillis;
    private final long maxSeqGap;

    public DossierLedger(ProcedureCatalog catalog, SlaEngine engine) {
        this(catalog, engine, IntakeLimits.DEFAULT);
    }

    public DossierLedger(ProcedureCatalog catalog, SlaEngine engine, IntakeLimits limits) {
        this(catalog, engine, limits, AgencyDirectory.loadDefault());
    }

    /** @param agencies the agencies counted under their own code; others are counted as {@link #UNREGISTERED} */
    public DossierLedger(ProcedureCatalog catalog, SlaEngine engine, IntakeLimits limits, AgencyDirectory agencies) {
        this(catalog, engine, limits, agencies, Commitments.loadDefault());
    }

    /** @param commitments agencies' committed times, judged beside the statutory limits */
    public DossierLedger(ProcedureCatalog catalog, SlaEngine engine, IntakeLimits limits, AgencyDirectory agencies,
            Commitments commitments) {
        this.tracker = new DossierTracker(catalog, engine, agencies, commitments);
        this.agencies = agencies;
        this.maxFutureSkewMillis = limits.maxFutureSkew().toMillis();
        this.maxSeqGap = limits.maxSeqGap();
    }

    /** The agencies this ledger counts under their own code. */
    public AgencyDirectory agencies() {
        return agencies;
    }

    /**
     * Decides a valid event of {@code current}'s dossier.
     *
     * @param wallMillis  the wall-clock time of the decision
     * @param late        the event arrived behind its partition's event time (a late or back-dated
     *                    history): the dossier's passed deadlines wait for it to settle
     * @param byEventTime a replay of history: announcements made here are dated at their deadline
     */
    public void apply(DossierState current, DossierEvent e, long wallMillis, boolean late, boolean byEventTime,
            Effects fx) {
        decide(current, e, false, wallMillis, late, byEventTime, fx);
    }

    /**
     * Decides the first held event of a dossier after its hold timed out: the missing seqs before it
     * are given up (and rejected if they ever arrive).
     */
    public void applyAfterGap(DossierState current, DossierEvent e, long wallMillis, boolean late,
            boolean byEventTime, Effects fx) {
        decide(current == null ? null : current.skipTo(e.seq()), e, true, wallMillis, late, byEventTime, fx);
        if (current == null && fx.verdict() == Effects.Verdict.APPLIED) {
            fx.next(fx.next().skipBelow(e.seq()));
        }
    }

    private void decide(DossierState current, DossierEvent e, boolean gapGivenUp, long wallMillis, boolean late,
            boolean byEventTime, Effects fx) {
        long lateArrival = late ? wallMillis : 0;
        if (e.occurredAt().toEpochMilli() - wallMillis > maxFutureSkewMillis) {
            fx.reject(RejectionReason.FUTURE_EVENT, "occurredAt " + e.occurredAt() + " is more than "
                    + maxFutureSkewMillis / 1000 + " s ahead of the clock");
            return;
        }
        long expected = current == null ? 1 : current.lastSeq() + 1;
        if (e.seq() - expected > maxSeqGap) {
            fx.reject(RejectionReason.SEQ_GAP_TOO_LARGE, "seq " + e.seq() + " is more than " + maxSeqGap
                    + " beyond the next expected seq " + expected);
            return;
        }
        if (current != null && (current.remembers(e.eventId()) || e.seq() < expected)) {
            if (e.seq() < expected && current.skipped(e.seq())) {
                fx.reject(RejectionReason.SEQ_SKIPPED, "seq " + e.seq()
                        + " arrived after its hold timed out and later events of the dossier were applied");
            } else if (!current.remembers(e.eventId()) && current.lastSeq() - e.seq() < DossierState.REMEMBERED_EVENT_IDS) {
                // Every used seq of the last REMEMBERED_EVENT_IDS was used by a remembered eventId:
                // another eventId here is a second event claiming the seq, not a copy of the first.
                fx.reject(RejectionReason.SEQ_CONFLICT, "seq " + e.seq() + " was already used by another event"
                        + " of the dossier");
            } else {
                fx.verdict(Effects.Verdict.DUPLICATE);
            }
            return;
        }
        if (e.seq() > expected && !gapGivenUp) {
            fx.verdict(Effects.Verdict.HELD);
            return;
        }
        Transition t = DossierLifecycle.apply(current == null ? null : current.status(), e);
        if (!t.isLegal()) {
            fx.reject(t.reason(), t.message());
            fx.next(current == null ? null : current.consumeSeq(e.seq(), e.eventId()));
            return;
        }
        fx.verdict(Effects.Verdict.APPLIED);
        if (current == null) {
            fx.next(tracker.track(null, DossierState.start(e, lateArrival), e, fx));
            return;
        }
        DossierState open = proven(current, e.occurredAt().getEpochSecond(), wallMillis, byEventTime, fx);
        fx.next(tracker.track(open, open.apply(e, lateArrival), e, fx));
    }

    /** Announces, oldest first, the pending deadlines before {@code second}: the dossier was open then. */
    private DossierState proven(DossierState s, long second, long wallMillis, boolean byEventTime, Effects fx) {
        DossierState current = s;
        while (true) {
            Deadline next = null;
            long nextSecond = Long.MAX_VALUE;
            for (Deadline d : Deadline.VALUES) {
                long at = tracker.deadlineSecond(current, d);
                if (at != SlaClock.NONE && at < second && at < nextSecond) {
                    next = d;
                    nextSecond = at;
                }
            }
            if (next == null) {
                return current;
            }
            current = tracker.fire(current, next, nextSecond, byEventTime ? nextSecond * 1000 : wallMillis, fx);
        }
    }

    /**
     * Announces a deadline the task's scan found passed. The caller has checked that it is still the
     * dossier's pending deadline of that kind ({@link #deadlineSecond}).
     */
    public void fire(DossierState s, Deadline d, long detectedAtMillis, Effects fx) {
        fx.verdict(Effects.Verdict.APPLIED);
        fx.next(tracker.fire(s, d, tracker.deadlineSecond(s, d), detectedAtMillis, fx));
    }

    /**
     * When a deadline of the dossier is to be announced, epoch second, or {@link SlaClock#NONE} when
     * none is pending: no clock, ended, paused (a pause moves every due), or already announced.
     */
    public long deadlineSecond(DossierState s, Deadline d) {
        return tracker.deadlineSecond(s, d);
    }

    /**
     * Whether a dossier's passed deadline may be announced without an event proving it: its latest
     * event arrived in order, or (late, behind its partition's event time) was applied at least
     * {@code settleMillis} ago, so the rest of a back-dated or delayed history sent with it has had
     * time to arrive and be applied first.
     */
    public static boolean settled(DossierState s, long wallMillis, long settleMillis) {
        return s.lateArrivalMillis() == 0 || wallMillis - s.lateArrivalMillis() >= settleMillis;
    }
}
