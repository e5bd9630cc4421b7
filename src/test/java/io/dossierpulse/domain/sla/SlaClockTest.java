package io.dossierpulse.domain.sla;

import static io.dossierpulse.domain.sla.SlaEngineTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.agency.AgencyLevel;
import io.dossierpulse.domain.calendar.WorkingCalendar;
import io.dossierpulse.domain.catalog.Procedure;
import io.dossierpulse.domain.catalog.ProcedureStep;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaClockTest {

    private static final SlaEngine ENGINE = SlaEngine.standard();

    /** Accepted Monday 6 October 2025 08:00 with five working days: due Friday 10 October 17:00. */
    private static SlaClock weekLong() {
        return ENGINE.start(at("2025-10-06T08:00"), SlaLimit.workingDays(5), null);
    }

    @Test
    void startsWithTheDueOfTheLimit() {
        SlaClock c = weekLong();
        assertEquals(at("2025-10-06T08:00"), c.clockStart());
        assertEquals(at("2025-10-10T17:00"), c.dueAt());
        assertFalse(c.paused());
        assertEquals(0, c.supplementRequests());
        assertEquals(0, c.stepIndex());
        assertNull(c.stepDueAt());
        assertNull(c.reappointedDueAt());
        assertNull(c.pausedAt());
        assertEquals(SlaClock.NONE, c.breachSecond(Breach.REAPPOINTMENT));
    }

    @Test
    void supplementPauseMovesTheDueByTheWorkingTimePaused() {
        SlaClock paused = weekLong().supplementRequested(at("2025-10-07T10:00"));
        assertTrue(paused.paused());
        assertEquals(1, paused.supplementRequests());
        assertEquals(at("2025-10-07T10:00"), paused.pausedAt());
        // While paused the due as seen now slides with the pause.
        assertEquals(at("2025-10-13T17:00"), paused.dueAsOf(at("2025-10-08T10:00"), ENGINE));
        assertEquals(Outcome.IN_PROGRESS_ON_TIME, paused.status(at("2025-10-13T16:00"), ENGINE));

        SlaClock resumed = paused.resume(at("2025-10-09T10:00"), ENGINE);
        assertFalse(resumed.paused());
        assertEquals(at("2025-10-14T17:00"), resumed.dueAt(), "two working days paused");
        assertEquals(1, resumed.supplementRequests());
        assertFalse(resumed.lateBySupplements());
        assertEquals(Outcome.ON_TIME, resumed.outcome(at("2025-10-14T16:00"), ENGINE));
    }

    @Test
    void pauseOutsideWorkingTimeCostsNothing() {
        SlaClock c = weekLong().supplementRequested(at("2025-10-07T17:30")).resume(at("2025-10-08T07:45"), ENGINE);
        assertEquals(at("2025-10-10T17:00"), c.dueAt());
        SlaClock weekend = weekLong().pause(at("2025-10-10T17:00")).resume(at("2025-10-13T08:00"), ENGINE);
        assertEquals(at("2025-10-10T17:00"), weekend.dueAt());
    }

    @Test
    void aSecondSupplementRequestMakesTheDossierLate() {
        SlaClock twice = weekLong()
                .supplementRequested(at("2025-10-06T09:00"))
                .resume(at("2025-10-06T10:00"), ENGINE)
                .supplementRequested(at("2025-10-06T11:00"))
                .resume(at("2025-10-06T11:30"), ENGINE);
        assertEquals(2, twice.supplementRequests());
        assertTrue(twice.lateBySupplements());
        assertEquals(at("2025-10-13T09:30"), twice.dueAt(), "1.5 working hours paused");
        assertEquals(Outcome.LATE, twice.outcome(at("2025-10-07T09:00"), ENGINE), "late whatever the end");
        assertEquals(Outcome.IN_PROGRESS_OVERDUE, twice.status(at("2025-10-07T09:00"), ENGINE));
    }

    @Test
    void requestWhilePausedCountsButKeepsThePauseStart() {
        SlaClock c = weekLong().supplementRequested(at("2025-10-07T10:00")).supplementRequested(at("2025-10-08T10:00"));
        assertEquals(2, c.supplementRequests());
        assertEquals(at("2025-10-07T10:00"), c.pausedAt());
    }

    @Test
    void feeRequestPausesOnlyWhenTheProcedureSaysSo() {
        SlaClock c = weekLong();
        assertSame(c, c.feeRequested(at("2025-10-07T10:00"), false));
        SlaClock feePaused = c.feeRequested(at("2025-10-07T10:00"), true);
        assertTrue(feePaused.paused());
        assertEquals(0, feePaused.supplementRequests());
        assertEquals(at("2025-10-13T15:00"), feePaused.resume(at("2025-10-07T17:00"), ENGINE).dueAt(), "6 working hours paused");
        assertSame(feePaused, feePaused.pause(at("2025-10-08T08:00")), "already paused");
        assertSame(c, c.resume(at("2025-10-08T08:00"), ENGINE), "not paused");
    }

    @ParameterizedTest(name = "ended {0}: {1}")
    @CsvSource({
            "2025-10-09T16:00, EARLY",
            "2025-10-06T08:30, EARLY",
            "2025-10-10T08:00, ON_TIME",
            "2025-10-10T17:00, ON_TIME",
            "2025-10-10T17:00:01, LATE",
            "2025-10-11T08:00, LATE",
            "2025-10-13T08:00, LATE",
    })
    void classificationOfTheEnd(String end, Outcome expected) {
        assertEquals(expected, weekLong().outcome(at(end), ENGINE));
    }

    @ParameterizedTest(name = "open at {0}: {1}")
    @CsvSource({
            "2025-10-09T16:00, IN_PROGRESS_ON_TIME",
            "2025-10-10T17:00, IN_PROGRESS_ON_TIME",
            "2025-10-10T17:00:01, IN_PROGRESS_OVERDUE",
            "2025-10-12T10:00, IN_PROGRESS_OVERDUE",
    })
    void statusOfOpenDossiers(String now, Outcome expected) {
        assertEquals(expected, weekLong().status(at(now), ENGINE));
        assertFalse(expected.ended());
    }

    @Test
    void endedWhilePausedIsJudgedWithThePauseSoFar() {
        SlaClock paused = weekLong().supplementRequested(at("2025-10-09T10:00"));
        // Withdrawn on Tuesday 14 October while still waiting for the supplement: the clock never ran out.
        assertEquals(Outcome.EARLY, paused.outcome(at("2025-10-14T10:00"), ENGINE));
    }

    @Test
    void remainingAndOverdueWorkingTime() {
        SlaClock c = weekLong();
        assertEquals(28_800, c.remainingWorkingSeconds(at("2025-10-09T17:00"), ENGINE));
        assertEquals(0, c.overdueWorkingSeconds(at("2025-10-10T16:00"), ENGINE));
        assertEquals(0, c.overdueWorkingSeconds(at("2025-10-12T10:00"), ENGINE), "weekend time is not overdue time");
        assertEquals(5_400, c.overdueWorkingSeconds(at("2025-10-13T09:30"), ENGINE));
        assertEquals(-5_400, c.remainingWorkingSeconds(at("2025-10-13T09:30"), ENGINE));
        SlaClock paused = c.pause(at("2025-10-09T09:00"));
        assertEquals(paused.remainingWorkingSeconds(at("2025-10-09T09:00"), ENGINE),
                paused.remainingWorkingSeconds(at("2025-10-15T09:00"), ENGINE), "a paused clock does not run");
    }

    @Test
    void atRisk() {
        SlaClock c = weekLong();
        assertEquals(at("2025-10-09T17:00"), c.atRiskAt(ENGINE), "one working day left at Thursday 17:00");
        assertEquals(at("2025-10-10T15:00"), instant(c.atRiskSecond(7_200, ENGINE)));
        assertEquals(at("2025-10-09T17:00"), c.atRiskAt(new SlaEngine(WorkingCalendar.standard(), 28_800)));

        SlaClock oneDay = ENGINE.start(at("2025-10-08T18:00"), SlaLimit.workingDays(1), null);
        assertEquals(at("2025-10-09T08:00"), oneDay.atRiskAt(ENGINE), "within the threshold from the start");
        SlaClock sameDay = ENGINE.start(at("2025-10-08T10:00"), SlaLimit.sameDay(null), null);
        assertEquals(at("2025-10-08T10:00"), sameDay.atRiskAt(ENGINE));
        SlaClock twoDays = ENGINE.start(at("2025-01-23T10:00"), SlaLimit.workingDays(2), null);
        assertEquals(at("2025-02-03T10:00"), twoDays.dueAt());
        assertEquals(at("2025-01-24T10:00"), twoDays.atRiskAt(ENGINE), "Tết does not count");
    }

    private static Instant instant(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond);
    }

    @Test
    void reappointmentIsASecondDistinctDue() {
        SlaClock c = weekLong().reappoint(at("2025-10-10T17:00"), at("2025-10-15T17:00"), ENGINE);
        assertEquals(at("2025-10-15T17:00"), c.reappointedDueAt());
        assertEquals(at("2025-10-15T17:00"), c.breachAt(Breach.REAPPOINTMENT));
        assertEquals(at("2025-10-10T17:00"), c.breachAt(Breach.DUE));
        assertEquals(Outcome.LATE, c.outcome(at("2025-10-14T10:00"), ENGINE), "the dossier stays late");
        assertFalse(c.reappointmentMissed(at("2025-10-15T17:00"), ENGINE));
        assertTrue(c.reappointmentMissed(at("2025-10-16T08:00"), ENGINE));
        // A later supplement pause moves the new appointment too.
        SlaClock moved = c.supplementRequested(at("2025-10-13T08:00")).resume(at("2025-10-14T08:00"), ENGINE);
        assertEquals(at("2025-10-16T17:00"), moved.reappointedDueAt());
        assertEquals(at("2025-10-13T17:00"), moved.dueAt());
        assertEquals(at("2025-10-16T17:00"), moved.reappoint(at("2025-10-16T09:00"), at("2025-10-20T17:00"), ENGINE).reappointedDueAt(),
                "one new appointment by default: a second apology leaves the date");
        SlaEngine twice = new SlaEngine(ENGINE.calendar(), ENGINE.atRiskThresholdSeconds(), 2);
        SlaClock second = moved.reappoint(at("2025-10-16T09:00"), at("2025-10-20T17:00"), twice);
        assertEquals(at("2025-10-20T17:00"), second.reappointedDueAt(), "within a limit of two, a later apology replaces it");
        assertEquals(2, second.reappointments());
        assertFalse(second.beyondReappointmentLimit(twice));
        assertTrue(moved.reappoint(at("2025-10-16T09:00"), at("2025-10-20T17:00"), ENGINE).beyondReappointmentLimit(ENGINE));
    }

    /**
     * Issue 12: a new appointment given during a supplement pause is not moved by the part of the
     * pause before the apology. Week-long clock (due Friday 10 October 17:00); supplement requested
     * Tuesday 7 October 08:00; apology Thursday 9 October 08:00 promising Thursday 16 October 17:00;
     * supplement received Monday 13 October 08:00. The pause is 4 working days, 2 of them after the
     * apology: the due moves to Thursday 16 October 17:00, the new appointment to Monday 20 October
     * 17:00 (16 October + 2 working days), not to Wednesday 22 October (+ 4).
     */
    @Test
    void aNewAppointmentMovesOnlyByThePauseAfterTheApology() {
        SlaClock paused = weekLong().supplementRequested(at("2025-10-07T08:00"));
        SlaClock apologized = paused.reappoint(at("2025-10-09T08:00"), at("2025-10-16T17:00"), ENGINE);
        assertEquals(at("2025-10-16T17:00"), apologized.dueAsOf(Breach.REAPPOINTMENT, at("2025-10-09T08:00"), ENGINE),
                "the date promised, at the moment it is promised");
        SlaClock resumed = apologized.resume(at("2025-10-13T08:00"), ENGINE);
        assertEquals(at("2025-10-16T17:00"), resumed.dueAt());
        assertEquals(at("2025-10-20T17:00"), resumed.reappointedDueAt());
        // Without a pause the date given is kept as it is.
        assertEquals(at("2025-10-16T17:00"),
                weekLong().reappoint(at("2025-10-09T08:00"), at("2025-10-16T17:00"), ENGINE).reappointedDueAt());
    }

    @Test
    void interAgencyStepsAreJudgedAgainstTheirOwnAllotment() {
        Procedure bundle = new Procedure("1.000001", "Liên thông thử", "Hộ tịch", AgencyLevel.COMMUNE,
                SlaLimit.workingDays(5), false, false, List.of(
                new ProcedureStep("đăng ký", AgencyLevel.COMMUNE, SlaLimit.workingDays(2)),
                new ProcedureStep("cấp thẻ", AgencyLevel.DISTRICT, SlaLimit.workingDays(3))));
        SlaClock c = ENGINE.start(at("2025-10-06T08:00"), bundle);
        assertEquals(at("2025-10-10T17:00"), c.dueAt());
        assertEquals(at("2025-10-07T17:00"), c.stepDueAt());
        assertEquals(at("2025-10-07T17:00"), c.breachAt(Breach.STEP));

        Outcome firstStep = c.stepOutcome(at("2025-10-08T10:00"), ENGINE);
        assertEquals(Outcome.LATE, firstStep, "the commune took three days of its two");
        c = c.transfer(at("2025-10-08T10:00"), bundle.steps().get(1).allotment(), ENGINE);
        assertEquals(1, c.stepIndex());
        assertEquals(at("2025-10-13T10:00"), c.stepDueAt(), "three days from the transfer");
        assertEquals(at("2025-10-10T17:00"), c.dueAt(), "the dossier keeps the procedure's total");

        assertEquals(Outcome.ON_TIME, c.stepOutcome(at("2025-10-13T09:00"), ENGINE));
        assertEquals(Outcome.LATE, c.outcome(at("2025-10-13T09:00"), ENGINE));

        SlaClock unplanned = c.transfer(at("2025-10-13T09:00"), null, ENGINE);
        assertEquals(2, unplanned.stepIndex());
        assertNull(unplanned.stepDueAt());
        assertNull(unplanned.stepOutcome(at("2025-10-14T09:00"), ENGINE));
    }

    @Test
    void transferDuringAPauseCountsOnlyThePauseAfterTheTransferForTheStep() {
        SlaClock c = ENGINE.start(at("2025-10-06T08:00"), SlaLimit.workingDays(5), SlaLimit.workingDays(2))
                .supplementRequested(at("2025-10-07T10:00"))
                .transfer(at("2025-10-08T10:00"), SlaLimit.workingDays(1), ENGINE);
        assertEquals(1, c.stepIndex());
        assertEquals(at("2025-10-10T10:00"), c.dueAsOf(Breach.STEP, at("2025-10-09T10:00"), ENGINE), "seen while paused");
        SlaClock resumed = c.resume(at("2025-10-09T10:00"), ENGINE);
        assertEquals(at("2025-10-10T10:00"), resumed.stepDueAt(), "the step's day starts when the clock resumes");
        assertEquals(at("2025-10-14T17:00"), resumed.dueAt());
        assertEquals(Outcome.ON_TIME, resumed.stepOutcome(at("2025-10-10T09:00"), ENGINE));
    }

    @Test
    void outcomeHelpers() {
        assertTrue(Outcome.EARLY.ended() && Outcome.ON_TIME.ended() && Outcome.LATE.ended());
        assertTrue(Outcome.EARLY.onTime() && Outcome.IN_PROGRESS_ON_TIME.onTime());
        assertFalse(Outcome.LATE.onTime() || Outcome.IN_PROGRESS_OVERDUE.onTime());
    }

    /** The clock is a handful of primitives: 5 longs and 4 ints, 72 bytes with a compressed header and padding. */
    @Test
    void clockIsSmallAndPrimitive() {
        int bytes = 12;
        for (RecordComponent rc : SlaClock.class.getRecordComponents()) {
            Class<?> t = rc.getType();
            assertTrue(t == long.class || t == int.class, rc.getName() + " is " + t);
            bytes += t == long.class ? 8 : 4;
        }
        assertTrue(bytes <= 72, bytes + " bytes");
    }
}
