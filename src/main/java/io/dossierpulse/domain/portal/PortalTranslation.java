package io.dossierpulse.domain.portal;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns successive national-portal snapshots of a dossier into the contract-v1 transitions that
 * happened between them (docs/portal-sync.md). Pure: the caller keeps the {@link PortalTrack}.
 *
 * <p>A snapshot only says where the dossier is now, so each step is put on the dossier's canonical
 * path (DOMAIN §2): accepted, then each supplement round requested and received, a later appointment
 * as a re-appointment, then the status the snapshot gives. A step's time is the snapshot's own date
 * for it (NgayTiepNhan, NgayBoSung, NgayKetThucXuLy, NgayTra, ThoiDiemXuLy) or else when the snapshot
 * arrived (not before the step made last). Seqs continue the dossier's own, so the ledger's
 * ordering and duplicate rules apply unchanged; the same snapshot twice makes nothing the second time.
 */
public final class PortalTranslation {

    /** Every event made here has an id starting with this, followed by its seq and type. */
    public static final String EVENT_ID_PREFIX = "portal:";

    public enum Outcome {
        /** Transitions were made. */
        APPLIED,
        /** Nothing new: the snapshot repeats what is known. */
        UNCHANGED,
        /** An older snapshot arriving after a newer one: dropped, the dossier stays where it is. */
        STALE,
        /** A progress update of a dossier that no full snapshot has introduced. */
        UNKNOWN_DOSSIER
    }

    /** @param next the track to keep (the previous one unless APPLIED) */
    public record Result(Outcome outcome, PortalTrack next, List<DossierEvent> events) {
    }

    private PortalTranslation() {
    }

    public static Result translate(PortalTrack track, PortalSnapshot s, Instant arrival) {
        if (track == null && s.progress()) {
            return new Result(Outcome.UNKNOWN_DOSSIER, null, List.of());
        }
        if (track != null && isStale(track, s)) {
            return new Result(track.status() == s.status() ? Outcome.UNCHANGED : Outcome.STALE, track, List.of());
        }
        Instant stepAt = s.progress() ? s.statusAt() : null;
        Instant targetAt = targetDate(s, stepAt);
        Path p = track == null ? Path.introduce(s, arrival, targetAt) : new Path(s.dossierId(), track, arrival, targetAt);
        p.leaveSubmitted(s, stepAt);
        if (!s.progress()) {
            p.supplementRounds(s.rounds());
            if (!s.status().isFinal()) {
                p.transferTo(s.agencyCode(), s.status());
            }
            p.reappointTo(s.dueAt());
        }
        p.reach(s, stepAt);
        if (p.events.isEmpty()) {
            return new Result(Outcome.UNCHANGED, track, List.of());
        }
        return new Result(Outcome.APPLIED, p.track(), List.copyOf(p.events));
    }

    /**
     * When the snapshot says its status was reached, if it says: the steps it gives no date for happened
     * no later than that (a resolution's date must not be preceded by an undated step dated after it).
     */
    private static Instant targetDate(PortalSnapshot s, Instant stepAt) {
        return switch (s.status()) {
            case NOT_ACCEPTED, WITHDRAWN, STOPPED, RESOLVED -> first(s.endedAt(), stepAt);
            case RESULT_RETURNED -> first(first(s.endedAt(), s.returnedAt()), stepAt);
            default -> stepAt;
        };
    }

    private static Instant first(Instant a, Instant b) {
        return a != null ? a : b;
    }

    /** A snapshot behind what is known (or anything after a final status) changes nothing. */
    private static boolean isStale(PortalTrack t, PortalSnapshot s) {
        if (t.status().isFinal()) {
            return true;
        }
        boolean stopsWithoutResult = s.status() == DossierStatus.NOT_ACCEPTED || s.status() == DossierStatus.WITHDRAWN
                || s.status() == DossierStatus.STOPPED;
        if (stopsWithoutResult && (t.status() == DossierStatus.RESOLVED
                || s.status() == DossierStatus.NOT_ACCEPTED && t.status() != DossierStatus.SUBMITTED)) {
            return true; // a dossier resolved (or accepted) cannot be refused, withdrawn or stopped after it
        }
        if (!s.progress() && !s.rounds().isEmpty() && (s.rounds().size() < t.roundsRequested()
                || s.status() == DossierStatus.SUPPLEMENT_REQUESTED && s.rounds().size() <= t.roundsReceived())) {
            return true; // it lists fewer rounds than known, or waits for a round known to be received
        }
        return rank(s.status()) < rank(t.status());
    }

    /** How far along the canonical path a status is; the middle statuses alternate freely. */
    private static int rank(DossierStatus s) {
        return switch (s) {
            case SUBMITTED -> 1;
            case ACCEPTED -> 2;
            case PROCESSING, SUPPLEMENT_REQUESTED, FEE_REQUESTED -> 3;
            case RESOLVED -> 4;
            case NOT_ACCEPTED, WITHDRAWN, STOPPED, RESULT_RETURNED -> 5;
        };
    }

    /** The dossier's path being walked: the track's fields, mutable while one snapshot is translated. */
    private static final class Path {
        final String dossierId;
        /** When undated steps happen: on arrival, or the snapshot's own date for its status when earlier. */
        final long arrivalMillis;
        final List<DossierEvent> events = new ArrayList<>(4);
        String procedure;
        String agency;
        Channel channel;
        DossierStatus status;
        long seq;
        int requested;
        int received;
        long dueMillis;
        long lastAtMillis;

        Path(String dossierId, PortalTrack t, Instant arrival, Instant targetAt) {
            this.dossierId = dossierId;
            this.arrivalMillis = targetAt == null ? arrival.toEpochMilli()
                    : Math.min(arrival.toEpochMilli(), targetAt.toEpochMilli());
            procedure = t.procedureCode();
            agency = t.agencyCode();
            channel = t.channel();
            status = t.status();
            seq = t.lastSeq();
            requested = t.roundsRequested();
            received = t.roundsReceived();
            dueMillis = t.dueAtMillis();
            lastAtMillis = t.lastAtMillis();
        }

        /** The first snapshot of a dossier: submitted (online, not yet accepted, or refused) or accepted. */
        static Path introduce(PortalSnapshot s, Instant arrival, Instant targetAt) {
            Path p = new Path(s.dossierId(), new PortalTrack(s.procedureCode(), s.agencyCode(), s.channel(), null, 0,
                    0, 0, 0, Long.MIN_VALUE), arrival, targetAt);
            boolean submittedOnly = s.status() == DossierStatus.SUBMITTED || s.status() == DossierStatus.NOT_ACCEPTED
                    || s.acceptedAt() == null;
            if (submittedOnly || s.submittedAt() != null && s.channel() == Channel.ONLINE) {
                p.emit(EventType.SUBMITTED, s.submittedAt(), null, null, null);
            }
            if (!submittedOnly) {
                p.accept(s);
            }
            return p;
        }

        void accept(PortalSnapshot s) {
            Instant due = originalDue(s);
            emit(EventType.ACCEPTED, s.acceptedAt(), due, null, null);
            dueMillis = due == null ? 0 : due.toEpochMilli();
        }

        /** The appointment given at acceptance: before the first supplement round re-issued it. */
        private static Instant originalDue(PortalSnapshot s) {
            if (!s.rounds().isEmpty() && s.rounds().get(0).previousDue() != null) {
                return s.rounds().get(0).previousDue();
            }
            return s.rounds().isEmpty() ? s.dueAt() : null;
        }

        void leaveSubmitted(PortalSnapshot s, Instant stepAt) {
            if (status != DossierStatus.SUBMITTED) {
                return;
            }
            switch (s.status()) {
                case SUBMITTED -> { }
                case NOT_ACCEPTED -> emit(EventType.NOT_ACCEPTED, first(s.endedAt(), stepAt), null, null, null);
                case WITHDRAWN -> {
                    if (s.acceptedAt() == null) {
                        emit(EventType.WITHDRAWN, first(s.endedAt(), stepAt), null, null, null);
                    } else {
                        accept(s);
                    }
                }
                default -> {
                    if (s.progress()) {
                        emit(EventType.ACCEPTED, stepAt, null, null, null);
                    } else {
                        accept(s);
                    }
                }
            }
        }

        /** Another processing agency is a transfer; one is made only from statuses 2 and 4, as the lifecycle allows. */
        void transferTo(String agencyCode, DossierStatus target) {
            if (agencyCode == null || agencyCode.equals(agency)) {
                return;
            }
            if (target != DossierStatus.FEE_REQUESTED) {
                leaveFee(null);
            }
            if (target != DossierStatus.SUPPLEMENT_REQUESTED) {
                leaveSupplement(null);
            }
            if (status == DossierStatus.ACCEPTED || status == DossierStatus.PROCESSING) {
                emit(EventType.TRANSFERRED, null, null, agencyCode, null);
                agency = agencyCode;
            }
        }

        void supplementRounds(List<PortalSnapshot.SupplementRound> rounds) {
            for (int i = 0; i < rounds.size(); i++) {
                PortalSnapshot.SupplementRound r = rounds.get(i);
                if (i >= requested && isOpen()) {
                    leaveFee(r.requestedAt());
                    leaveSupplement(r.requestedAt()); // a new round: the open one was answered
                    emit(EventType.SUPPLEMENT_REQUESTED, r.requestedAt(), null, null, null);
                    requested++;
                }
                if (i >= received && i < requested && r.receivedAt() != null
                        && status == DossierStatus.SUPPLEMENT_REQUESTED) {
                    emit(EventType.SUPPLEMENT_RECEIVED, r.receivedAt(), r.newDue(), null, null);
                    received++;
                    if (r.newDue() != null) {
                        dueMillis = r.newDue().toEpochMilli();
                    }
                }
            }
        }

        /** A later appointment than any known, outside a supplement round, is a re-appointment (apology letter). */
        void reappointTo(Instant due) {
            if (due != null && dueMillis != 0 && due.toEpochMilli() > dueMillis && isOpen()) {
                emit(EventType.APOLOGY_ISSUED, null, null, null, due);
                dueMillis = due.toEpochMilli();
            }
        }

        /** The steps from where the path is to the snapshot's status. */
        void reach(PortalSnapshot s, Instant stepAt) {
            Instant endedAt = targetDate(s, stepAt);
            switch (s.status()) {
                case SUBMITTED, ACCEPTED, NOT_ACCEPTED -> { }
                case PROCESSING -> {
                    if (status == DossierStatus.ACCEPTED) {
                        emit(EventType.PROCESSING, stepAt, null, null, null);
                    }
                    leaveSupplement(stepAt);
                    leaveFee(stepAt);
                }
                case SUPPLEMENT_REQUESTED -> {
                    leaveFee(stepAt);
                    if (status == DossierStatus.ACCEPTED || status == DossierStatus.PROCESSING) {
                        emit(EventType.SUPPLEMENT_REQUESTED, stepAt, null, null, null);
                        requested++;
                    }
                }
                case FEE_REQUESTED -> {
                    leaveSupplement(stepAt);
                    if (status == DossierStatus.ACCEPTED || status == DossierStatus.PROCESSING) {
                        emit(EventType.FEE_REQUESTED, stepAt, null, null, null);
                    }
                }
                case WITHDRAWN, STOPPED -> {
                    EventType type = s.status() == DossierStatus.WITHDRAWN ? EventType.WITHDRAWN : EventType.STOPPED;
                    if (status != s.status()) {
                        emit(type, endedAt, null, null, null);
                    }
                }
                case RESOLVED, RESULT_RETURNED -> {
                    leaveSupplement(stepAt);
                    leaveFee(stepAt);
                    if (status != DossierStatus.RESOLVED && status != DossierStatus.RESULT_RETURNED) {
                        emit(EventType.RESOLVED, endedAt, null, null, null);
                    }
                    if (s.status() == DossierStatus.RESULT_RETURNED && status != DossierStatus.RESULT_RETURNED) {
                        emit(EventType.RESULT_RETURNED, first(s.returnedAt(), stepAt), null, null, null);
                    }
                }
            }
        }

        private void leaveSupplement(Instant at) {
            if (status == DossierStatus.SUPPLEMENT_REQUESTED) {
                emit(EventType.SUPPLEMENT_RECEIVED, at, null, null, null);
                received = requested;
            }
        }

        private void leaveFee(Instant at) {
            if (status == DossierStatus.FEE_REQUESTED) {
                emit(EventType.FEE_PAID, at, null, null, null);
            }
        }

        private boolean isOpen() {
            return status == DossierStatus.ACCEPTED || status == DossierStatus.PROCESSING
                    || status == DossierStatus.SUPPLEMENT_REQUESTED || status == DossierStatus.FEE_REQUESTED;
        }

        private void emit(EventType type, Instant at, Instant dueAt, String toAgency, Instant newDue) {
            // A dated step keeps its date (it may decide whether the dossier was on time); an undated one
            // happens on arrival, and not before the step made last.
            long t = at != null ? at.toEpochMilli() : Math.max(arrivalMillis, lastAtMillis);
            seq++;
            events.add(new DossierEvent(EVENT_ID_PREFIX + seq + ":" + type.name(), dossierId, seq, type,
                    Instant.ofEpochMilli(t), agency, procedure,
                    type == EventType.SUBMITTED || type == EventType.ACCEPTED ? channel : null, dueAt, toAgency, newDue,
                    null, null, null, null));
            if (type.resultingStatus() != null) {
                status = type.resultingStatus();
            }
            lastAtMillis = t;
        }

        PortalTrack track() {
            return new PortalTrack(procedure, agency, channel, status, seq, requested, received, dueMillis,
                    lastAtMillis);
        }
    }
}
