package io.dossierpulse.domain.dossier;

import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.lifecycle.DossierLifecycle;
import io.dossierpulse.domain.lifecycle.Transition;

/**
 * Decides what happens to one valid event given the dossier's stored state. The rules, in order:
 * <ol>
 * <li>an eventId already applied, or a seq at or below the last applied one, is a duplicate
 *     (dropped and counted), except a seq given up on after a hold timeout, which is rejected;</li>
 * <li>a seq beyond the next expected one is held until the gap fills (or the hold times out);</li>
 * <li>otherwise the lifecycle decides: the transition is applied, or rejected with its reason, and
 *     a rejected event still uses up its seq so that later events are not held behind it.</li>
 * </ol>
 */
public final class DossierIntake {

    public enum Verdict { APPLIED, DUPLICATE, HELD, REJECTED }

    /**
     * @param state      the state to store afterwards; null when nothing changes
     * @param reasonCode for REJECTED: the machine reason (a lifecycle reason or SEQ_SKIPPED)
     */
    public record Outcome(Verdict verdict, DossierState state, String reasonCode, String message) {
    }

    public static final String SEQ_SKIPPED = "SEQ_SKIPPED";
    private static final Outcome DUPLICATE = new Outcome(Verdict.DUPLICATE, null, null, null);
    private static final Outcome HELD = new Outcome(Verdict.HELD, null, null, null);

    private DossierIntake() {
    }

    public static Outcome decide(DossierState current, DossierEvent e) {
        return decide(current, e, false);
    }

    /**
     * Decides for the first held event of a dossier after its hold timed out: the missing seqs
     * before it are given up (and rejected if they ever arrive).
     */
    public static Outcome decideAfterGap(DossierState current, DossierEvent e) {
        Outcome o = decide(current == null ? null : current.skipTo(e.seq()), e, true);
        if (current == null && o.verdict() == Verdict.APPLIED) {
            return new Outcome(Verdict.APPLIED, o.state().skipBelow(e.seq()), null, null);
        }
        return o;
    }

    private static Outcome decide(DossierState current, DossierEvent e, boolean gapGivenUp) {
        long expected = current == null ? 1 : current.lastSeq() + 1;
        if (current != null && (current.remembers(e.eventId()) || e.seq() < expected)) {
            if (e.seq() < expected && current.skipped(e.seq())) {
                return new Outcome(Verdict.REJECTED, null, SEQ_SKIPPED, "seq " + e.seq()
                        + " arrived after its hold timed out and later events of the dossier were applied");
            }
            return DUPLICATE;
        }
        if (e.seq() > expected && !gapGivenUp) {
            return HELD;
        }
        Transition t = DossierLifecycle.apply(current == null ? null : current.status(), e);
        if (!t.isLegal()) {
            return new Outcome(Verdict.REJECTED, current == null ? null : current.consumeSeq(e.seq(), e.eventId()),
                    t.reason().name(), t.message());
        }
        return new Outcome(Verdict.APPLIED, current == null ? DossierState.start(e) : current.apply(e), null, null);
    }
}
