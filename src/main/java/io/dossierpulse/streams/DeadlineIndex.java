package io.dossierpulse.streams;

import io.dossierpulse.domain.dossier.Deadline;
import io.dossierpulse.domain.dossier.DossierLedger;
import io.dossierpulse.domain.dossier.DossierState;
import io.dossierpulse.domain.sla.SlaClock;

/**
 * A task's pending deadlines, in memory: built from the {@code dossiers} store when the task starts
 * and kept in step with every state the task writes, so nothing about deadlines is logged. Two
 * queues: deadlines by their second, and deadlines already passed whose dossier is still settling
 * (its latest event applied less than the settle time ago), by the wall-clock millisecond at which
 * it settles. The rule itself is the domain's ({@link DossierLedger#settled}).
 */
final class DeadlineIndex {

    private final DossierLedger ledger;
    private final long settleMillis;
    private final DeadlineQueue due = new DeadlineQueue();
    private final DeadlineQueue settling = new DeadlineQueue();
    private long second;
    private Deadline kind;
    private String dossierId;

    DeadlineIndex(DossierLedger ledger, long settleMillis) {
        this.ledger = ledger;
        this.settleMillis = settleMillis;
    }

    /** A stored dossier, while the task starts. */
    void add(DossierState s) {
        for (Deadline d : Deadline.values()) {
            long at = ledger.deadlineSecond(s, d);
            if (at != SlaClock.NONE) {
                due.add(at, at, d, s.dossierId());
            }
        }
    }

    /**
     * A state written: its deadlines that moved are added (the old entries go stale and are dropped
     * later). When its late arrival changed, all are added again: an entry waiting in the settling
     * queue may now be due sooner (a duplicate entry is dropped as stale once the first has fired).
     */
    void changed(DossierState before, DossierState after) {
        boolean arrivalChanged = before != null && before.lateArrivalMillis() != after.lateArrivalMillis();
        for (Deadline d : Deadline.values()) {
            long now = ledger.deadlineSecond(after, d);
            if (now != SlaClock.NONE && (before == null || arrivalChanged || now != ledger.deadlineSecond(before, d))) {
                due.add(now, now, d, after.dossierId());
            }
        }
    }

    int size() {
        return due.size() + settling.size();
    }

    /**
     * Takes the next candidate: a settling deadline whose dossier has now settled, or a deadline
     * before the horizon. Read it with {@link #dossierId()}, {@link #kind()}, {@link #second()}, then
     * {@link #confirm} it against the dossier's current state.
     */
    boolean next(long horizon, long wallMs) {
        while (settling.peek() <= wallMs) {
            settling.take();
            if (settling.takenSecond() < horizon) {
                taken(settling);
                return true;
            }
            due.add(settling.takenSecond(), settling.takenSecond(), settling.takenKind(), settling.takenId());
        }
        if (due.peek() < horizon) {
            due.take();
            taken(due);
            return true;
        }
        return false;
    }

    /**
     * Whether the taken deadline is to be announced now: still the dossier's pending deadline of its
     * kind (else stale, dropped), and the dossier settled (else queued until it is).
     */
    boolean confirm(DossierState s, long wallMs) {
        if (s == null || ledger.deadlineSecond(s, kind) != second) {
            return false;
        }
        if (!DossierLedger.settled(s, wallMs, settleMillis)) {
            settling.add(s.lateArrivalMillis() + settleMillis, second, kind, dossierId);
            return false;
        }
        return true;
    }

    long second() {
        return second;
    }

    Deadline kind() {
        return kind;
    }

    String dossierId() {
        return dossierId;
    }

    private void taken(DeadlineQueue q) {
        second = q.takenSecond();
        kind = q.takenKind();
        dossierId = q.takenId();
    }
}
