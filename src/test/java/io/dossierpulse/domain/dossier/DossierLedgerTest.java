package io.dossierpulse.domain.dossier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.indicators.Measure;
import io.dossierpulse.domain.indicators.Tally;
import io.dossierpulse.domain.lifecycle.RejectionReason;
import io.dossierpulse.domain.sla.SlaClock;
import io.dossierpulse.domain.sla.SlaEngine;
import io.dossierpulse.domain.sla.SlaEventType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ledger's verdicts and effects, one decision at a time. HT-304 has a limit of 3 working days:
 * accepted Wednesday 12 March 2025 10:00 it is due Monday 17 March 10:00, at risk Friday 14 March 10:00.
 */
class DossierLedgerTest {

    private static final Instant WED_10 = at("2025-03-12T10:00:00+07:00");
    private static final Instant FRI_10 = at("2025-03-14T10:00:00+07:00");
    private static final Instant MON_10 = at("2025-03-17T10:00:00+07:00");
    private static final long WALL = at("2026-01-01T00:00:00+07:00").toEpochMilli();

    private final DossierLedger ledger = new DossierLedger(ProcedureCatalog.loadDefault(), SlaEngine.standard());
    private final Effects fx = new Effects();

    private static Instant at(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    private static DossierEvent event(String id, long seq, EventType type, Instant when) {
        return new DossierEvent(id + "-" + seq, id, seq, type, when, "P-BD-PHUCXA", "HT-304",
                type == EventType.ACCEPTED ? Channel.ONLINE : null, null, null,
                type == EventType.APOLOGY_ISSUED ? when.plusSeconds(86_400) : null, true, true, null, null);
    }

    private DossierState apply(DossierState s, DossierEvent e) {
        fx.clear();
        ledger.apply(s, e, WALL, false, true, fx);
        return fx.next();
    }

    /** The counter deltas of the last decision, summed per local date. */
    private Tally counted(LocalDate date) {
        Tally t = new Tally();
        for (int i = 0; i < fx.counts(); i++) {
            if (fx.countDay(i) == date.toEpochDay()) {
                t.add(fx.countMeasure(i), fx.countDelta(i));
            }
        }
        return t;
    }

    private List<String> announced() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < fx.announcements(); i++) {
            out.add(fx.type(i) + "@" + Instant.ofEpochSecond(fx.deadlineSecond(i)));
        }
        return out;
    }

    /** Ended with a result on Monday 17 March; the counts of that day. */
    private Tally endedWith(String procedure, Boolean feeRequired, Boolean paidOnline) {
        DossierEvent accepted = new DossierEvent("F-" + procedure + "-1", "F-" + procedure + feeRequired, 1,
                EventType.ACCEPTED, WED_10, "P-BD-PHUCXA", procedure, Channel.ONLINE, WED_10.plusSeconds(3_600_000),
                null, null, feeRequired, paidOnline, null, null);
        DossierState s = apply(null, accepted);
        apply(s, new DossierEvent("F-" + procedure + "-2", accepted.dossierId(), 2, EventType.RESOLVED, MON_10,
                "P-BD-PHUCXA", procedure, null, null, null, null, null, null, null, null));
        return counted(LocalDate.of(2025, 3, 17));
    }

    /**
     * The online-payment denominator (DOMAIN §6, docs/indicators.md): ended dossiers of fee-bearing
     * procedures. HT-304 carries a fee in the catalog, HT-301 none: the catalog decides for them,
     * whatever the events say; for a procedure outside the catalog the event's feeRequired does.
     */
    @Test
    void feeBearingIsTheCatalogsWordAndTheEventsOnlyOutsideIt() {
        Tally silent = endedWith("HT-304", null, null);
        assertEquals(1, silent.get(Measure.ENDED_FEE_BEARING), "fee-bearing although the events never said so");
        assertEquals(0, silent.get(Measure.ENDED_PAID_ONLINE));
        Tally paid = endedWith("HT-304", false, true);
        assertEquals(1, paid.get(Measure.ENDED_FEE_BEARING), "the catalog wins over feeRequired=false");
        assertEquals(1, paid.get(Measure.ENDED_PAID_ONLINE));
        Tally free = endedWith("HT-301", true, true);
        assertEquals(0, free.get(Measure.ENDED_FEE_BEARING), "a procedure without a fee, whatever the event says");
        assertEquals(0, free.get(Measure.ENDED_PAID_ONLINE));
        assertEquals(1, endedWith("XX-LOCAL", true, false).get(Measure.ENDED_FEE_BEARING));
        assertEquals(0, endedWith("XX-OTHER", null, null).get(Measure.ENDED_FEE_BEARING));
    }

    /**
     * Issue 12, source appointments: HT-304 accepted Wednesday 12 March 10:00 is legally due Monday
     * 17 March 10:00. A source promising Friday 14 March is earlier, one promising Tuesday 18 March
     * later, one promising Monday 17 March 16:30 agrees (same date). Each is counted once, on the
     * acceptance date, and kept beside the computed due, which alone judges the dossier.
     */
    @Test
    void theSourcesAppointmentIsKeptAndComparedWithTheLegalDue() {
        String[][] cases = {{"S-EARLY", "2025-03-14T17:00:00+07:00"}, {"S-LATE", "2025-03-18T10:00:00+07:00"},
            {"S-SAME", "2025-03-17T16:30:00+07:00"}};
        long[] earlier = new long[3];
        long[] later = new long[3];
        for (int i = 0; i < cases.length; i++) {
            Instant promised = at(cases[i][1]);
            DossierState s = apply(null, new DossierEvent(cases[i][0] + "-1", cases[i][0], 1, EventType.ACCEPTED, WED_10,
                    "P-BD-PHUCXA", "HT-304", Channel.ONLINE, promised, null, null, null, null, null, null));
            assertEquals(promised, s.sourceDueAt());
            assertEquals(MON_10, s.clock().dueAt(), "the law's due judges the dossier");
            Tally t = counted(LocalDate.of(2025, 3, 12));
            earlier[i] = t.get(Measure.SOURCE_DUE_EARLIER);
            later[i] = t.get(Measure.SOURCE_DUE_LATER);
            // A later event repeating a due is not counted again.
            DossierState again = apply(s, new DossierEvent(cases[i][0] + "-2", cases[i][0], 2, EventType.PROCESSING,
                    FRI_10, "P-BD-PHUCXA", "HT-304", null, promised, null, null, null, null, null, null));
            assertEquals(0, counted(LocalDate.of(2025, 3, 14)).get(Measure.SOURCE_DUE_EARLIER)
                    + counted(LocalDate.of(2025, 3, 14)).get(Measure.SOURCE_DUE_LATER));
            assertEquals(promised, again.sourceDueAt());
        }
        assertArrayEquals(new long[] {1, 0, 0}, earlier);
        assertArrayEquals(new long[] {0, 1, 0}, later);
        // Outside the catalog the source's due is the due: nothing to compare.
        apply(null, new DossierEvent("S-X-1", "S-X", 1, EventType.ACCEPTED, WED_10, "P-BD-PHUCXA", "XX-LOCAL",
                Channel.ONLINE, at("2025-03-14T17:00:00+07:00"), null, null, null, null, null, null));
        assertEquals(0, counted(LocalDate.of(2025, 3, 12)).get(Measure.SOURCE_DUE_EARLIER));
    }

    /**
     * The one at-risk rule (docs/domain.md, "At risk"): HT-301 (same day, cutoff 15:00) starts
     * inside the 8-hour threshold and is never announced at risk, only breached; HT-304 (3 working
     * days) is announced at risk one working day before its due.
     */
    @Test
    void aDossierStartingInsideTheThresholdIsNeverAnnouncedAtRisk() {
        DossierEvent sameDay = new DossierEvent("R-1", "R", 1, EventType.ACCEPTED, WED_10, "P-BD-PHUCXA", "HT-301",
                Channel.ONLINE, null, null, null, null, null, null, null);
        DossierState s = apply(null, sameDay);
        assertEquals(SlaClock.NONE, ledger.deadlineSecond(s, Deadline.AT_RISK));
        assertEquals(at("2025-03-12T17:00:00+07:00").getEpochSecond(), ledger.deadlineSecond(s, Deadline.DUE),
                "due the same day, at the close of office hours");
        apply(s, new DossierEvent("R-2", "R", 2, EventType.RESOLVED, FRI_10, "P-BD-PHUCXA", "HT-301", null, null,
                null, null, null, null, null, null));
        assertEquals(List.of("BREACHED@" + at("2025-03-12T17:00:00+07:00"), "RESOLVED_LATE@" + FRI_10), announced());
        DossierState three = apply(null, event("R3", 1, EventType.ACCEPTED, WED_10));
        assertEquals(FRI_10.getEpochSecond(), ledger.deadlineSecond(three, Deadline.AT_RISK));
    }

    @Test
    void acceptanceStartsTheClockAndCountsTheIntake() {
        DossierState s = apply(null, event("A", 1, EventType.ACCEPTED, WED_10));
        assertEquals(Effects.Verdict.APPLIED, fx.verdict());
        assertEquals(MON_10, s.clock().dueAt());
        assertEquals(FRI_10.getEpochSecond(), ledger.deadlineSecond(s, Deadline.AT_RISK));
        assertEquals(MON_10.getEpochSecond(), ledger.deadlineSecond(s, Deadline.DUE));
        assertEquals(SlaClock.NONE, ledger.deadlineSecond(s, Deadline.REAPPOINTMENT));
        Tally t = counted(LocalDate.of(2025, 3, 12));
        assertEquals(1, t.get(Measure.RECEIVED_ONLINE));
        assertEquals(1, t.get(Measure.ACCEPTED));
        assertEquals(1, t.get(Measure.OPEN_ON_TIME));
        assertEquals("P-BD-PHUCXA", fx.countAgency(0));
        assertEquals("HT-304", fx.procedureCode());
        assertEquals(0, fx.announcements());
        assertEquals(0, s.lateArrivalMillis(), "arrived in order");
    }

    @Test
    void anEventAfterADeadlineProvesItAndIsAnnouncedFirst() {
        DossierState s = apply(null, event("B", 1, EventType.ACCEPTED, WED_10));
        DossierState after = apply(s, event("B", 2, EventType.RESOLVED, MON_10.plusSeconds(60)));
        assertEquals(List.of("AT_RISK@" + FRI_10, "BREACHED@" + MON_10, "RESOLVED_LATE@" + MON_10.plusSeconds(60)),
                announced());
        // Replay: detected at the deadline itself.
        assertEquals(MON_10.toEpochMilli(), fx.detectedAtMillis(1));
        assertTrue(fx.apologyRequired(1));
        assertFalse(fx.apologyRequired(0), "at risk owes no apology");
        // The breach moved the stock to overdue on the acceptance date, the resolution took it out.
        Tally accepted = counted(LocalDate.of(2025, 3, 12));
        assertEquals(-1, accepted.get(Measure.OPEN_ON_TIME));
        assertEquals(0, accepted.get(Measure.OPEN_OVERDUE), "+1 at the breach, -1 at the end");
        assertEquals(1, counted(LocalDate.of(2025, 3, 17)).get(Measure.RESOLVED_LATE));
        assertTrue(after.has(DossierState.Flag.BREACH_SENT) && after.has(DossierState.Flag.AT_RISK_SENT));
        assertTrue(after.ended());
    }

    @Test
    void aResolutionExactlyAtTheDueProvesNothing() {
        DossierState s = apply(null, event("C", 1, EventType.ACCEPTED, WED_10));
        apply(s, event("C", 2, EventType.RESOLVED, MON_10));
        assertEquals(List.of("AT_RISK@" + FRI_10), announced());
        assertEquals(1, counted(LocalDate.of(2025, 3, 17)).get(Measure.RESOLVED_ON_TIME));
    }

    @Test
    void firingAnnouncesOnceAndMovesTheStock() {
        DossierState s = apply(null, event("D", 1, EventType.ACCEPTED, WED_10));
        fx.clear();
        ledger.fire(s, Deadline.DUE, MON_10.toEpochMilli() + 250, fx);
        DossierState fired = fx.next();
        assertEquals(List.of("BREACHED@" + MON_10), announced());
        assertEquals(SlaEventType.BREACHED, fx.type(0));
        assertEquals(MON_10.toEpochMilli() + 250, fx.detectedAtMillis(0));
        assertEquals(SlaClock.NONE, ledger.deadlineSecond(fired, Deadline.DUE), "never twice");
        Tally t = counted(LocalDate.of(2025, 3, 12));
        assertEquals(-1, t.get(Measure.OPEN_ON_TIME));
        assertEquals(1, t.get(Measure.OPEN_OVERDUE));
    }

    @Test
    void duplicatesHoldsAndRejectionsChangeNothingButTheirVerdict() {
        DossierState s = apply(null, event("E", 1, EventType.ACCEPTED, WED_10));
        assertNull(apply(s, event("E", 1, EventType.ACCEPTED, WED_10)));
        assertEquals(Effects.Verdict.DUPLICATE, fx.verdict());
        assertNull(apply(s, event("E", 3, EventType.PROCESSING, FRI_10)));
        assertEquals(Effects.Verdict.HELD, fx.verdict());
        assertEquals(0, fx.counts());
        DossierState refused = apply(s, event("E", 2, EventType.SUPPLEMENT_RECEIVED, FRI_10));
        assertEquals(Effects.Verdict.REJECTED, fx.verdict());
        assertEquals(RejectionReason.ILLEGAL_TRANSITION, fx.rejection());
        assertEquals(2, refused.lastSeq(), "a refused event uses up its seq");
        assertEquals(0, fx.announcements(), "a refused event proves nothing");
    }

    @Test
    void aSeqGivenUpAfterAHoldIsRejectedWhenItArrives() {
        DossierState s = apply(null, event("F", 1, EventType.ACCEPTED, WED_10));
        fx.clear();
        ledger.applyAfterGap(s, event("F", 3, EventType.PROCESSING, FRI_10), WALL, false, true, fx);
        assertEquals(Effects.Verdict.APPLIED, fx.verdict());
        DossierState skipped = fx.next();
        assertEquals(RejectionReason.SEQ_SKIPPED, rejectionOf(skipped, event("F", 2, EventType.PROCESSING, FRI_10)));
    }

    @Test
    void aRecentSeqClaimedByAnotherEventIsAConflictAndAnOldOneADuplicate() {
        DossierState s = apply(null, event("C", 1, EventType.ACCEPTED, WED_10));
        s = apply(s, event("C", 2, EventType.PROCESSING, WED_10));
        DossierEvent sameSeqOtherId = new DossierEvent("another-id", "C", 2, EventType.PROCESSING, FRI_10,
                "P-BD-PHUCXA", "HT-304", null, null, null, null, true, true, null, null);
        assertNull(apply(s, sameSeqOtherId));
        assertEquals(Effects.Verdict.REJECTED, fx.verdict());
        assertEquals(RejectionReason.SEQ_CONFLICT, fx.rejection());
        // The same event again is a copy, not a conflict.
        assertNull(apply(s, event("C", 2, EventType.PROCESSING, WED_10)));
        assertEquals(Effects.Verdict.DUPLICATE, fx.verdict());
        // Beyond the remembered window the first user of seq 1 is forgotten: a duplicate, as before.
        DossierState later = s;
        for (int seq = 3; seq < 3 + DossierState.REMEMBERED_EVENT_IDS; seq++) {
            later = apply(later, event("C", seq, EventType.SUPPLEMENT_REQUESTED, WED_10));
        }
        DossierEvent oldSeqOtherId = new DossierEvent("old-other", "C", 1, EventType.ACCEPTED, WED_10,
                "P-BD-PHUCXA", "HT-304", Channel.ONLINE, null, null, null, true, true, null, null);
        assertNull(apply(later, oldSeqOtherId));
        assertEquals(Effects.Verdict.DUPLICATE, fx.verdict());
    }

    @Test
    void codesTheServiceDoesNotKnowAreCountedInOneBucketAndKeptOnTheDossier() {
        DossierEvent e = new DossierEvent("u-1", "U", 1, EventType.ACCEPTED, WED_10, "AGENCY-OF-ITS-CHOOSING",
                "PROC-OF-ITS-CHOOSING", Channel.ONLINE, null, null, null, true, true, null, null);
        DossierState s = apply(null, e);
        assertEquals(Effects.Verdict.APPLIED, fx.verdict());
        assertEquals(DossierLedger.UNREGISTERED, fx.countAgency(0));
        assertEquals(DossierLedger.UNREGISTERED, fx.procedureCode());
        assertEquals(1, counted(LocalDate.of(2025, 3, 12)).get(Measure.RECEIVED_UNREGISTERED));
        assertEquals("AGENCY-OF-ITS-CHOOSING", s.receivingAgencyCode());
        assertEquals("PROC-OF-ITS-CHOOSING", s.procedureCode());
        // A known agency with an unknown procedure keeps its agency.
        apply(null, new DossierEvent("u-2", "U2", 1, EventType.ACCEPTED, WED_10, "P-BD-PHUCXA", "PROC-X",
                Channel.ONLINE, null, null, null, true, true, null, null));
        assertEquals("P-BD-PHUCXA", fx.countAgency(0));
        assertEquals(DossierLedger.UNREGISTERED, fx.procedureCode());
    }

    private RejectionReason rejectionOf(DossierState s, DossierEvent e) {
        apply(s, e);
        return fx.rejection();
    }

    @Test
    void aLateArrivalIsKeptUntilTheDossierSettles() {
        fx.clear();
        ledger.apply(null, event("G", 1, EventType.ACCEPTED, WED_10), WALL, true, true, fx);
        DossierState s = fx.next();
        assertEquals(WALL, s.lateArrivalMillis());
        assertFalse(DossierLedger.settled(s, WALL + 2_999, 3_000));
        assertTrue(DossierLedger.settled(s, WALL + 3_000, 3_000));
        // The next event arriving in order clears it.
        fx.clear();
        ledger.apply(s, event("G", 2, EventType.PROCESSING, WED_10.plusSeconds(60)), WALL + 10, false, true, fx);
        assertTrue(DossierLedger.settled(fx.next(), WALL + 10, 3_000));
    }

    @Test
    void aPauseWithdrawsTheDeadlinesAndTheResumeMovesThem() {
        DossierState s = apply(null, event("H", 1, EventType.ACCEPTED, WED_10));
        DossierState paused = apply(s, event("H", 2, EventType.SUPPLEMENT_REQUESTED, WED_10.plusSeconds(3_600)));
        assertEquals(SlaClock.NONE, ledger.deadlineSecond(paused, Deadline.DUE));
        DossierState resumed = apply(paused, event("H", 3, EventType.SUPPLEMENT_RECEIVED, FRI_10));
        assertNotEquals(SlaClock.NONE, ledger.deadlineSecond(resumed, Deadline.DUE));
        assertTrue(ledger.deadlineSecond(resumed, Deadline.DUE) > MON_10.getEpochSecond(), "moved later by the pause");
        assertEquals(1, counted(LocalDate.of(2025, 3, 14)).isZero() ? 1 : 0, "a resume counts nothing");
    }

    @Test
    void theBufferIsReusedWithoutCarryingAnythingOver() {
        DossierState s = apply(null, event("I", 1, EventType.ACCEPTED, WED_10));
        apply(s, event("I", 2, EventType.RESOLVED, MON_10.plusSeconds(60)));
        assertEquals(3, fx.announcements());
        fx.clear();
        assertEquals(0, fx.announcements());
        assertEquals(0, fx.counts());
        assertNull(fx.next());
        assertNull(fx.verdict());
    }

    @Test
    void anEventDatedBeyondTheAllowedSkewIsRefusedAndUsesUpNoSeq() {
        Instant wall = Instant.ofEpochMilli(WALL);
        DossierState s = apply(null, event("F", 1, EventType.ACCEPTED, wall.minusSeconds(3_600)));
        fx.clear();
        ledger.apply(s, event("F", 2, EventType.RESOLVED, wall.plus(Duration.ofMinutes(11))), WALL, false, false, fx);
        assertEquals(Effects.Verdict.REJECTED, fx.verdict());
        assertEquals(io.dossierpulse.domain.lifecycle.RejectionReason.FUTURE_EVENT, fx.rejection());
        assertEquals(null, fx.next(), "nothing to persist: the seq stays free");
        // Within the skew (a clock a few minutes fast) it is applied, with that seq.
        DossierState after = apply(s, event("F", 2, EventType.RESOLVED, wall.plus(Duration.ofMinutes(9))));
        assertEquals(Effects.Verdict.APPLIED, fx.verdict());
        assertEquals(2, after.lastSeq());
    }

    @Test
    void aSeqTooFarAheadIsRefusedNotHeld() {
        DossierState s = apply(null, event("G", 1, EventType.ACCEPTED, WED_10));
        fx.clear();
        ledger.apply(s, event("G", 2 + IntakeLimits.DEFAULT.maxSeqGap(), EventType.RESOLVED, WED_10.plusSeconds(60)),
                WALL, false, true, fx);
        assertEquals(Effects.Verdict.HELD, fx.verdict(), "a gap of exactly the limit is held");
        fx.clear();
        ledger.apply(s, event("G", 3 + IntakeLimits.DEFAULT.maxSeqGap(), EventType.RESOLVED, WED_10.plusSeconds(60)),
                WALL, false, true, fx);
        assertEquals(Effects.Verdict.REJECTED, fx.verdict());
        assertEquals(io.dossierpulse.domain.lifecycle.RejectionReason.SEQ_GAP_TOO_LARGE, fx.rejection());
    }
}
