package io.dossierpulse.domain.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.lifecycle.DossierLifecycle;
import io.dossierpulse.domain.portal.PortalSnapshot.SupplementRound;
import io.dossierpulse.domain.portal.PortalTranslation.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortalTranslationTest {

    private static final Instant ACCEPTED = OffsetDateTime.parse("2025-03-12T10:00:00+07:00").toInstant();
    private static final Instant DUE = OffsetDateTime.parse("2025-03-17T10:00:00+07:00").toInstant();
    private static final Instant LATER = OffsetDateTime.parse("2025-03-20T09:00:00+07:00").toInstant();

    private static PortalSnapshot full(DossierStatus status, Instant due, Instant endedAt, Instant returnedAt,
            String agency, List<SupplementRound> rounds) {
        return new PortalSnapshot(false, "D-1", "HT-304", agency, status, Channel.IN_PERSON, null, ACCEPTED, due,
                endedAt, returnedAt, null, rounds);
    }

    private static PortalSnapshot full(DossierStatus status) {
        return full(status, DUE, null, null, "P-BD-PHUCXA", List.of());
    }

    private static List<EventType> types(PortalTranslation.Result r) {
        return r.events().stream().map(DossierEvent::type).toList();
    }

    @Test
    void aDossierSeenFirstInProcessingIsAcceptedWithItsAppointmentThenProcessing() {
        Instant arrival = ACCEPTED.plus(Duration.ofDays(1));
        PortalTranslation.Result r = PortalTranslation.translate(null, full(DossierStatus.PROCESSING), arrival);
        assertEquals(Outcome.APPLIED, r.outcome());
        assertEquals(List.of(EventType.ACCEPTED, EventType.PROCESSING), types(r));
        DossierEvent accepted = r.events().get(0);
        assertEquals(1, accepted.seq());
        assertEquals(ACCEPTED, accepted.occurredAt());
        assertEquals(DUE, accepted.dueAt());
        assertEquals(Channel.IN_PERSON, accepted.channel());
        assertEquals("portal:1:ACCEPTED", accepted.eventId());
        assertEquals(arrival, r.events().get(1).occurredAt(), "a step without its own date happens on arrival");
        // The same snapshot again: nothing.
        PortalTranslation.Result again = PortalTranslation.translate(r.next(), full(DossierStatus.PROCESSING), arrival);
        assertEquals(Outcome.UNCHANGED, again.outcome());
        assertEquals(r.next(), again.next());
    }

    @Test
    void aSupplementRoundALaterAppointmentAndTheEndAreEachTheirTransition() {
        PortalTrack t = PortalTranslation.translate(null, full(DossierStatus.ACCEPTED), ACCEPTED).next();
        Instant asked = ACCEPTED.plus(Duration.ofHours(20));
        Instant supplied = ACCEPTED.plus(Duration.ofHours(44));
        Instant newDue = DUE.plus(Duration.ofDays(2));
        SupplementRound round = new SupplementRound(asked, supplied, DUE, newDue);
        PortalTranslation.Result r = PortalTranslation.translate(t,
                full(DossierStatus.PROCESSING, newDue, null, null, "P-BD-PHUCXA", List.of(round)), LATER);
        assertEquals(List.of(EventType.SUPPLEMENT_REQUESTED, EventType.SUPPLEMENT_RECEIVED), types(r));
        assertEquals(List.of(asked, supplied), r.events().stream().map(DossierEvent::occurredAt).toList());
        assertEquals(List.of(2L, 3L), r.events().stream().map(DossierEvent::seq).toList());

        Instant reappointed = newDue.plus(Duration.ofDays(3));
        PortalTranslation.Result a = PortalTranslation.translate(r.next(),
                full(DossierStatus.PROCESSING, reappointed, null, null, "P-BD-PHUCXA", List.of(round)), LATER);
        assertEquals(List.of(EventType.APOLOGY_ISSUED), types(a));
        assertEquals(reappointed, a.events().get(0).newDueAt());

        Instant ended = LATER.plus(Duration.ofDays(1));
        Instant returned = ended.plus(Duration.ofHours(2));
        PortalTranslation.Result end = PortalTranslation.translate(a.next(),
                full(DossierStatus.RESULT_RETURNED, reappointed, ended, returned, "P-BD-PHUCXA", List.of(round)), LATER);
        assertEquals(List.of(EventType.RESOLVED, EventType.RESULT_RETURNED), types(end));
        assertEquals(List.of(ended, returned), end.events().stream().map(DossierEvent::occurredAt).toList());
        // An older snapshot arriving after the end changes nothing.
        assertEquals(Outcome.STALE, PortalTranslation.translate(end.next(), full(DossierStatus.PROCESSING), LATER)
                .outcome());
    }

    @Test
    void progressUpdatesNeedAnIntroducedDossierAndCarryTheirOwnTime() {
        PortalSnapshot resolvedAt = new PortalSnapshot(true, "D-1", null, null, DossierStatus.RESOLVED, null, null,
                null, null, null, null, LATER, List.of());
        assertEquals(Outcome.UNKNOWN_DOSSIER, PortalTranslation.translate(null, resolvedAt, LATER).outcome());
        PortalTrack t = PortalTranslation.translate(null, full(DossierStatus.PROCESSING), ACCEPTED).next();
        PortalTranslation.Result r = PortalTranslation.translate(t, resolvedAt, LATER.plus(Duration.ofHours(5)));
        assertEquals(List.of(EventType.RESOLVED), types(r));
        assertEquals(LATER, r.events().get(0).occurredAt());
        assertEquals("HT-304", r.events().get(0).procedureCode(), "the track supplies what the update lacks");
    }

    @Test
    void aChangedProcessingAgencyIsATransfer() {
        PortalTrack t = PortalTranslation.translate(null, full(DossierStatus.PROCESSING), ACCEPTED).next();
        PortalTranslation.Result r = PortalTranslation.translate(t,
                full(DossierStatus.PROCESSING, DUE, null, null, "Q-BD", List.of()), LATER);
        assertEquals(List.of(EventType.TRANSFERRED), types(r));
        assertEquals("Q-BD", r.events().get(0).toAgencyCode());
        assertEquals("Q-BD", r.next().agencyCode());
    }

    @Test
    void contradictoryOrPartialSnapshotsMakeOnlyLegalTransitionsAtTheRightDates() {
        PortalTrack processing = PortalTranslation.translate(null, full(DossierStatus.PROCESSING), ACCEPTED).next();
        Instant resolvedOnTime = DUE.minus(Duration.ofDays(1));
        Instant returned = resolvedOnTime.plus(Duration.ofHours(3));

        // Stopped after resolved: contradictory, dropped; the result returned afterwards still counts.
        PortalTrack resolved = PortalTranslation.translate(processing,
                full(DossierStatus.RESOLVED, DUE, resolvedOnTime, null, "P-BD-PHUCXA", List.of()), LATER).next();
        assertEquals(Outcome.STALE, PortalTranslation.translate(resolved,
                full(DossierStatus.STOPPED, DUE, LATER, null, "P-BD-PHUCXA", List.of()), LATER).outcome());
        assertEquals(List.of(EventType.RESULT_RETURNED), types(PortalTranslation.translate(resolved,
                full(DossierStatus.RESULT_RETURNED, DUE, resolvedOnTime, returned, "P-BD-PHUCXA", List.of()), LATER)));

        // Returned without NgayKetThucXuLy: resolved no later than the return, not on arrival.
        PortalTranslation.Result r = PortalTranslation.translate(processing,
                full(DossierStatus.RESULT_RETURNED, DUE, null, returned, "P-BD-PHUCXA", List.of()), LATER);
        assertEquals(List.of(EventType.RESOLVED, EventType.RESULT_RETURNED), types(r));
        assertEquals(returned, r.events().get(0).occurredAt());

        // Resolved on time by another agency, seen late: the transfer is dated no later than the resolution.
        r = PortalTranslation.translate(processing,
                full(DossierStatus.RESOLVED, DUE, resolvedOnTime, null, "Q-BD", List.of()), LATER);
        assertEquals(List.of(EventType.TRANSFERRED, EventType.RESOLVED), types(r));
        assertTrue(!r.events().get(0).occurredAt().isAfter(resolvedOnTime), r.events().toString());
        assertEquals(resolvedOnTime, r.events().get(1).occurredAt());

        // A second round listed while the first is open: the first was answered before it.
        Instant asked = ACCEPTED.plus(Duration.ofHours(20));
        Instant askedAgain = asked.plus(Duration.ofDays(2));
        PortalTrack waiting = PortalTranslation.translate(processing, full(DossierStatus.SUPPLEMENT_REQUESTED, DUE, null,
                null, "P-BD-PHUCXA", List.of(new SupplementRound(asked, null, DUE, null))), LATER).next();
        r = PortalTranslation.translate(waiting, full(DossierStatus.SUPPLEMENT_REQUESTED, DUE, null, null, "P-BD-PHUCXA",
                List.of(new SupplementRound(asked, null, DUE, null), new SupplementRound(askedAgain, null, DUE, null))),
                LATER);
        assertEquals(List.of(EventType.SUPPLEMENT_RECEIVED, EventType.SUPPLEMENT_REQUESTED), types(r));
        assertEquals(2, r.next().roundsRequested());

        // Withdrawn while a fee is asked, under another unit's name: withdrawn, no fee paid, no transfer.
        PortalTrack fee = PortalTranslation.translate(processing, full(DossierStatus.FEE_REQUESTED), LATER).next();
        assertEquals(List.of(EventType.WITHDRAWN), types(PortalTranslation.translate(fee,
                full(DossierStatus.WITHDRAWN, DUE, LATER, null, "Q-BD", List.of()), LATER)));
    }

    /**
     * Model-based: random true histories, observed through snapshots taken after random steps, some
     * skipped, some delivered twice, some older ones delivered again later. Whatever was seen, the
     * transitions made are legal in order, numbered 1, 2, 3..., resolve at the true date, and end where
     * the dossier truly is, with every supplement round and its latest appointment.
     */
    @Test
    void snapshotsOfRandomHistoriesTranslateToALegalPathEndingWhereTheDossierIs() {
        long seed = System.nanoTime();
        Random rnd = new Random(seed);
        for (int run = 0; run < 3000; run++) {
            Truth truth = new Truth(rnd);
            List<PortalSnapshot> seen = truth.walk(rnd);
            List<PortalSnapshot> delivered = new ArrayList<>();
            for (int i = 0; i < seen.size(); i++) {
                boolean last = i == seen.size() - 1;
                if (last || rnd.nextDouble() < 0.6) {
                    delivered.add(seen.get(i));
                    if (rnd.nextDouble() < 0.2) {
                        delivered.add(seen.get(i)); // a retry
                    }
                    if (i > 0 && rnd.nextDouble() < 0.2) {
                        PortalSnapshot older = seen.get(rnd.nextInt(i));
                        if (rank(older.status()) < rank(seen.get(i).status())) {
                            delivered.add(older); // a late copy of a clearly older snapshot
                        }
                    }
                }
            }
            PortalTrack track = null;
            DossierStatus status = null;
            Set<String> ids = new HashSet<>();
            int requested = 0;
            for (PortalSnapshot s : delivered) {
                PortalTranslation.Result r = PortalTranslation.translate(track, s, truth.now);
                for (DossierEvent e : r.events()) {
                    String where = "seed " + seed + " run " + run + ": " + e;
                    assertTrue(DossierLifecycle.isLegal(status, e.type()), where + " from " + status);
                    assertEquals((track == null ? 0 : track.lastSeq()) + r.events().indexOf(e) + 1, e.seq(), where);
                    assertTrue(ids.add(e.eventId()), where);
                    if (e.type() == EventType.RESOLVED) {
                        assertEquals(truth.endedAt, e.occurredAt(), where + ": the date that decides on-time");
                    }
                    assertTrue(DossierLifecycle.missingField(e) == null, where);
                    if (e.type().resultingStatus() != null) {
                        status = e.type().resultingStatus();
                    }
                    if (e.type() == EventType.SUPPLEMENT_REQUESTED) {
                        requested++;
                    }
                }
                track = r.next();
            }
            String where = "seed " + seed + " run " + run + " " + truth.steps;
            assertEquals(truth.status, status, where);
            assertEquals(truth.status, track.status(), where);
            assertEquals(truth.rounds.size(), requested, where);
            assertEquals(truth.rounds.size(), track.roundsRequested(), where);
            if (!truth.status.isFinal() && truth.status != DossierStatus.RESOLVED) {
                assertEquals(truth.agency, track.agencyCode(), where);
                assertEquals(truth.due.toEpochMilli(), track.dueAtMillis(), where);
            }
        }
    }

    private static int rank(DossierStatus s) {
        return switch (s) {
            case SUBMITTED -> 1;
            case ACCEPTED -> 2;
            case PROCESSING, SUPPLEMENT_REQUESTED, FEE_REQUESTED -> 3;
            case RESOLVED -> 4;
            default -> 5;
        };
    }

    /** A dossier's true history, step by step, and the portal's view of it after each step. */
    private static final class Truth {
        final Channel channel;
        Instant now = ACCEPTED.minus(Duration.ofHours(2));
        DossierStatus status;
        String agency = "P-BD-PHUCXA";
        Instant submittedAt;
        Instant due;
        Instant endedAt;
        Instant returnedAt;
        final List<SupplementRound> rounds = new ArrayList<>();
        final List<String> steps = new ArrayList<>();

        Truth(Random rnd) {
            channel = Channel.values()[rnd.nextInt(3)];
        }

        List<PortalSnapshot> walk(Random rnd) {
            List<PortalSnapshot> seen = new ArrayList<>();
            if (channel == Channel.ONLINE) {
                submittedAt = now;
                step(DossierStatus.SUBMITTED, seen);
                if (rnd.nextInt(10) == 0) {
                    endedAt = tick(rnd);
                    step(rnd.nextBoolean() ? DossierStatus.NOT_ACCEPTED : DossierStatus.WITHDRAWN, seen);
                    return seen;
                }
            }
            now = ACCEPTED;
            due = DUE;
            step(DossierStatus.ACCEPTED, seen);
            int moves = rnd.nextInt(6);
            for (int i = 0; i < moves; i++) {
                tick(rnd);
                switch (rnd.nextInt(5)) {
                    case 0 -> step(DossierStatus.PROCESSING, seen);
                    case 1 -> {
                        Instant asked = now;
                        rounds.add(new SupplementRound(asked, null, due, null));
                        step(DossierStatus.SUPPLEMENT_REQUESTED, seen);
                        Instant supplied = tick(rnd);
                        Instant newDue = due.plus(Duration.ofDays(1 + rnd.nextInt(3)));
                        rounds.set(rounds.size() - 1, new SupplementRound(asked, supplied, due, newDue));
                        due = newDue;
                        step(DossierStatus.PROCESSING, seen);
                    }
                    case 2 -> {
                        step(DossierStatus.FEE_REQUESTED, seen);
                        tick(rnd);
                        step(DossierStatus.PROCESSING, seen);
                    }
                    case 3 -> {
                        due = due.plus(Duration.ofDays(1 + rnd.nextInt(4)));
                        step(status, seen);
                    }
                    default -> {
                        agency = agency.equals("Q-BD") ? "P-BD-PHUCXA" : "Q-BD";
                        step(status == DossierStatus.ACCEPTED ? DossierStatus.PROCESSING : status, seen);
                    }
                }
            }
            switch (rnd.nextInt(5)) {
                case 0 -> { }
                case 1 -> {
                    endedAt = tick(rnd);
                    step(rnd.nextBoolean() ? DossierStatus.WITHDRAWN : DossierStatus.STOPPED, seen);
                }
                default -> {
                    endedAt = tick(rnd);
                    step(DossierStatus.RESOLVED, seen);
                    if (rnd.nextBoolean()) {
                        returnedAt = tick(rnd);
                        step(DossierStatus.RESULT_RETURNED, seen);
                    }
                }
            }
            return seen;
        }

        private Instant tick(Random rnd) {
            now = now.plus(Duration.ofMinutes(30 + rnd.nextInt(24 * 60)));
            return now;
        }

        private void step(DossierStatus to, List<PortalSnapshot> seen) {
            status = to;
            steps.add(to.name());
            seen.add(new PortalSnapshot(false, "D-M", "HT-304", agency, status, channel, submittedAt,
                    status == DossierStatus.SUBMITTED || status == DossierStatus.NOT_ACCEPTED
                            || due == null ? null : ACCEPTED,
                    due, endedAt, returnedAt, null, List.copyOf(rounds)));
        }
    }
}
