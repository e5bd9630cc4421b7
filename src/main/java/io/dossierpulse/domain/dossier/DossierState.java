package io.dossierpulse.domain.dossier;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.sla.Outcome;
import io.dossierpulse.domain.sla.SlaClock;
import java.util.Arrays;

/**
 * What the processor keeps about one dossier. Immutable: applying an event yields a new state.
 * Instants are epoch milliseconds (0 = not yet) to keep the per-event path free of boxing.
 *
 * @param lateArrivalMillis   wall-clock time at which the latest event was applied when it arrived behind its
 *                            partition's event time (a late or back-dated history), 0 when it arrived in
 *                            order: passed deadlines then wait a settle time (docs/architecture.md)
 * @param receivingAgencyCode the agency whose desk received the dossier (counters are kept under it)
 * @param currentAgencyCode   the agency handling it now (changes on TRANSFERRED)
 * @param recentEventIds      hashes of the most recent applied eventIds, for duplicate detection
 * @param skippedSeqs         seqs given up on after a hold timed out; arriving later they are rejected
 * @param clock               the SLA clock from acceptance; null before, and for an unregistered
 *                            procedure whose events carry no dueAt
 * @param flags               {@link Flag} bits: what is known of the dossier and which SLA events were sent
 * @param outcome             the final classification once processing ended; null while open
 * @param sourceNewDueSecond  the new appointment the source gave with its latest apology (newDueAt, as
 *                            given; the clock's re-appointment is moved by pauses), or {@link SlaClock#NONE}
 * @param sourceDueSecond     the appointment the source system gave (its latest dueAt, NgayHenTra), kept
 *                            beside the computed due whatever the catalog says; {@link SlaClock#NONE} if none
 */
public record DossierState(
        String dossierId,
        DossierStatus status,
        String receivingAgencyCode,
        String currentAgencyCode,
        String procedureCode,
        Channel channel,
        long submittedAtMillis,
        long acceptedAtMillis,
        long endedAtMillis,
        long lastEventAtMillis,
        long lateArrivalMillis,
        long lastSeq,
        int transitions,
        long[] recentEventIds,
        long[] skippedSeqs,
        SlaClock clock,
        int flags,
        Outcome outcome,
        long sourceDueSecond,
        long sourceNewDueSecond) {

    /** Bits of {@link #flags()}. */
    public static final class Flag {
        /** The procedure code is in the catalog. */
        public static final int REGISTERED = 1;
        public static final int FEE_REQUIRED = 1 << 1;
        public static final int PAID_ONLINE = 1 << 2;
        public static final int DIGITIZED = 1 << 3;
        public static final int AT_RISK_SENT = 1 << 4;
        public static final int BREACH_SENT = 1 << 5;
        public static final int REAPPOINTMENT_BREACH_SENT = 1 << 6;
        /** The dossier is counted in OPEN_OVERDUE rather than OPEN_ON_TIME. */
        public static final int COUNTED_OVERDUE = 1 << 7;
        /** Its resolution was counted (a later RESULT_RETURNED only counts the return). */
        public static final int RESOLUTION_COUNTED = 1 << 8;
        /** The source's appointment was compared with the legal due (SOURCE_DUE_EARLIER / LATER). */
        public static final int SOURCE_DUE_COMPARED = 1 << 9;
        /** The current inter-agency step's breach was announced (cleared by the transfer to the next step). */
        public static final int STEP_BREACH_SENT = 1 << 10;
        /**
         * The dossier is counted in OPEN_UNTRACKED (accepted without any due). States written before
         * that stock existed lack it: they were counted in OPEN_ON_TIME and leave from there.
         */
        public static final int COUNTED_UNTRACKED = 1 << 11;

        private Flag() {
        }
    }

    /** How many eventIds are remembered: more than a dossier's usual lifetime of transitions. */
    public static final int REMEMBERED_EVENT_IDS = 16;
    private static final long[] NONE = new long[0];

    /** The state of a dossier after its first event (the SLA part is set by the tracker). */
    public static DossierState start(DossierEvent e, long lateArrivalMillis) {
        long at = e.occurredAt().toEpochMilli();
        return new DossierState(e.dossierId(), e.type().resultingStatus(), e.agencyCode(), e.agencyCode(),
                e.procedureCode(), e.channel(),
                e.type() == EventType.SUBMITTED ? at : 0,
                e.type() == EventType.ACCEPTED ? at : 0,
                isEnd(e.type()) ? at : 0,
                at, lateArrivalMillis, e.seq(), 1, new long[] {eventIdHash(e.eventId())}, NONE, null, attributes(0, e), null,
                e.dueAt() == null ? SlaClock.NONE : e.dueAt().getEpochSecond(),
                e.newDueAt() == null ? SlaClock.NONE : e.newDueAt().getEpochSecond());
    }

    /** The state after a transition the lifecycle has allowed (the SLA part is carried over). */
    public DossierState apply(DossierEvent e, long lateArrivalMillis) {
        long at = e.occurredAt().toEpochMilli();
        DossierStatus next = e.type().resultingStatus() == null ? status : e.type().resultingStatus();
        return new DossierState(dossierId, next, receivingAgencyCode,
                e.type() == EventType.TRANSFERRED ? e.toAgencyCode() : currentAgencyCode,
                procedureCode,
                channel != null ? channel : e.channel(),
                submittedAtMillis,
                acceptedAtMillis == 0 && e.type() == EventType.ACCEPTED ? at : acceptedAtMillis,
                endedAtMillis == 0 && isEnd(e.type()) ? at : endedAtMillis,
                Math.max(lastEventAtMillis, at), lateArrivalMillis,
                e.seq(), transitions + 1, remember(recentEventIds, eventIdHash(e.eventId())), skippedSeqs,
                clock, attributes(flags, e), outcome,
                e.dueAt() == null ? sourceDueSecond : e.dueAt().getEpochSecond(), // the source's latest word
                e.newDueAt() == null ? sourceNewDueSecond : e.newDueAt().getEpochSecond());
    }

    /** The state after an event whose seq is used up without changing the dossier (a rejected transition). */
    public DossierState consumeSeq(long seq, String eventId) {
        return new DossierState(dossierId, status, receivingAgencyCode, currentAgencyCode, procedureCode, channel,
                submittedAtMillis, acceptedAtMillis, endedAtMillis, lastEventAtMillis, lateArrivalMillis, Math.max(lastSeq, seq),
                transitions, remember(recentEventIds, eventIdHash(eventId)), skippedSeqs, clock, flags, outcome,
                sourceDueSecond, sourceNewDueSecond);
    }

    /** The state after giving up on the seqs between lastSeq and {@code nextSeq} (exclusive). */
    public DossierState skipTo(long nextSeq) {
        int gap = (int) Math.min(nextSeq - lastSeq - 1, 64);
        long[] skipped = Arrays.copyOf(skippedSeqs, Math.min(skippedSeqs.length + gap, 64));
        int k = skippedSeqs.length;
        for (long s = lastSeq + 1; s < nextSeq && k < skipped.length; s++) {
            skipped[k++] = s;
        }
        return new DossierState(dossierId, status, receivingAgencyCode, currentAgencyCode, procedureCode, channel,
                submittedAtMillis, acceptedAtMillis, endedAtMillis, lastEventAtMillis, lateArrivalMillis, nextSeq - 1, transitions,
                recentEventIds, skipped, clock, flags, outcome, sourceDueSecond, sourceNewDueSecond);
    }

    /** The state of a dossier started by a seq above 1: the seqs below it are given up. */
    public DossierState skipBelow(long seq) {
        int gap = (int) Math.min(seq - 1, 64);
        long[] skipped = new long[gap];
        for (int i = 0; i < gap; i++) {
            skipped[i] = i + 1;
        }
        return new DossierState(dossierId, status, receivingAgencyCode, currentAgencyCode, procedureCode, channel,
                submittedAtMillis, acceptedAtMillis, endedAtMillis, lastEventAtMillis, lateArrivalMillis, lastSeq, transitions,
                recentEventIds, skipped, clock, flags, outcome, sourceDueSecond, sourceNewDueSecond);
    }

    /** The same dossier with its SLA part replaced. */
    public DossierState withSla(SlaClock newClock, int newFlags, Outcome newOutcome) {
        return new DossierState(dossierId, status, receivingAgencyCode, currentAgencyCode, procedureCode, channel,
                submittedAtMillis, acceptedAtMillis, endedAtMillis, lastEventAtMillis, lateArrivalMillis, lastSeq, transitions,
                recentEventIds, skippedSeqs, newClock, newFlags, newOutcome, sourceDueSecond,
                sourceNewDueSecond);
    }

    /** The appointment the source system gave (its latest {@code dueAt}), or null; beside the computed due. */
    public java.time.Instant sourceDueAt() {
        return sourceDueSecond == SlaClock.NONE ? null : java.time.Instant.ofEpochSecond(sourceDueSecond);
    }

    /** The new appointment the source gave with its latest apology, as given, or null. */
    public java.time.Instant sourceNewDueAt() {
        return sourceNewDueSecond == SlaClock.NONE ? null : java.time.Instant.ofEpochSecond(sourceNewDueSecond);
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** Whether processing has ended (resolved, returned, refused, withdrawn or stopped). */
    public boolean ended() {
        return endedAtMillis != 0;
    }

    public boolean remembers(String eventId) {
        long h = eventIdHash(eventId);
        for (long r : recentEventIds) {
            if (r == h) {
                return true;
            }
        }
        return false;
    }

    public boolean skipped(long seq) {
        for (long s : skippedSeqs) {
            if (s == seq) {
                return true;
            }
        }
        return false;
    }

    /** The end of processing: the first of resolved, returned, stopped, refused or withdrawn. */
    static boolean isEnd(EventType t) {
        return t == EventType.RESOLVED || t == EventType.RESULT_RETURNED || t == EventType.STOPPED
                || t == EventType.NOT_ACCEPTED || t == EventType.WITHDRAWN;
    }

    /** The latest word of the source on fee, online payment and digitization wins. */
    private static int attributes(int flags, DossierEvent e) {
        int f = set(flags, Flag.FEE_REQUIRED, e.feeRequired());
        f = set(f, Flag.PAID_ONLINE, e.paidOnline());
        return set(f, Flag.DIGITIZED, e.digitized());
    }

    private static int set(int flags, int bit, Boolean value) {
        return value == null ? flags : value ? flags | bit : flags & ~bit;
    }

    private static long[] remember(long[] recent, long hash) {
        int n = Math.min(recent.length + 1, REMEMBERED_EVENT_IDS);
        long[] next = new long[n];
        next[0] = hash;
        System.arraycopy(recent, 0, next, 1, n - 1);
        return next;
    }

    /** 64-bit FNV-1a of the eventId: collisions among one dossier's ids are negligible. */
    public static long eventIdHash(String eventId) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < eventId.length(); i++) {
            h ^= eventId.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DossierState s && dossierId.equals(s.dossierId) && status == s.status
                && receivingAgencyCode.equals(s.receivingAgencyCode) && currentAgencyCode.equals(s.currentAgencyCode)
                && procedureCode.equals(s.procedureCode) && channel == s.channel
                && submittedAtMillis == s.submittedAtMillis && acceptedAtMillis == s.acceptedAtMillis
                && endedAtMillis == s.endedAtMillis && lastEventAtMillis == s.lastEventAtMillis
                && lateArrivalMillis == s.lateArrivalMillis
                && lastSeq == s.lastSeq && transitions == s.transitions
                && Arrays.equals(recentEventIds, s.recentEventIds) && Arrays.equals(skippedSeqs, s.skippedSeqs)
                && java.util.Objects.equals(clock, s.clock) && flags == s.flags && outcome == s.outcome
                && sourceDueSecond == s.sourceDueSecond && sourceNewDueSecond == s.sourceNewDueSecond;
    }

    @Override
    public int hashCode() {
        return dossierId.hashCode() * 31 + (int) lastSeq;
    }

    @Override
    public String toString() {
        return "DossierState[" + dossierId + " " + status + " seq=" + lastSeq + " agency=" + currentAgencyCode
                + " procedure=" + procedureCode + " clock=" + clock + " flags=" + Integer.toBinaryString(flags)
                + " outcome=" + outcome + "]";
    }
}
