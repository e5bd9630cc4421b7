package io.dossierpulse.domain.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded random trials of the SLA rules; every failure names its seed and trial. */
class SlaPropertyTest {

    private static final SlaEngine ENGINE = SlaEngine.standard();
    private static final WorkingCalendar CAL = ENGINE.calendar();
    private static final long FROM = LocalDateTime.of(2019, 1, 1, 0, 0).toEpochSecond(WorkingCalendar.OFFSET);
    private static final long TO = LocalDateTime.of(2031, 1, 1, 0, 0).toEpochSecond(WorkingCalendar.OFFSET);

    private static Instant randomInstant(SplittableRandom random) {
        long s = random.nextLong(FROM, TO);
        // A third on the quarter hour, where period edges and cutoffs are hit exactly.
        return Instant.ofEpochSecond(random.nextInt(3) == 0 ? s - Math.floorMod(s, 900) : s);
    }

    private static SlaLimit randomLimit(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> SlaLimit.workingDays(random.nextInt(1, 46));
            case 1 -> SlaLimit.workingHours(random.nextInt(1, 49));
            default -> SlaLimit.sameDay(random.nextBoolean() ? null : LocalTime.of(random.nextInt(9, 17), 0));
        };
    }

    private static boolean atPeriodEnd(Instant t) {
        LocalDateTime local = LocalDateTime.ofInstant(t, WorkingCalendar.OFFSET);
        return CAL.isWorkingDay(local.toLocalDate())
                && CAL.periods().stream().anyMatch(p -> p.end().equals(local.toLocalTime()));
    }

    @Test
    void dueNeverFallsInNonWorkingTimeExceptAtAPeriodEnd() {
        long seed = 4_001L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 5_000; trial++) {
            Instant accepted = randomInstant(random);
            SlaLimit limit = randomLimit(random);
            Due due = ENGINE.due(accepted, limit);
            String where = "seed " + seed + " trial " + trial + ": " + accepted + " " + limit + " -> " + due;
            assertTrue(CAL.isWorkingTime(due.dueAt()) || atPeriodEnd(due.dueAt()), where);
            assertTrue(CAL.isWorkingTime(due.clockStart()), where);
            assertFalse(due.clockStart().isBefore(accepted), where);
            assertTrue(due.dueAt().isAfter(due.clockStart()), where);
            long granted = ENGINE.limitWorkingSeconds(limit);
            if (granted > 0) {
                assertEquals(granted, CAL.workingSecondsBetween(due.clockStart(), due.dueAt()), where);
            } else {
                LocalDate acceptedDay = LocalDateTime.ofInstant(accepted, WorkingCalendar.OFFSET).toLocalDate();
                LocalDate dueDay = LocalDateTime.ofInstant(due.dueAt(), WorkingCalendar.OFFSET).toLocalDate();
                assertTrue(atPeriodEnd(due.dueAt()), where);
                assertFalse(dueDay.isBefore(acceptedDay), where);
                assertFalse(dueDay.isAfter(CAL.nextWorkingDay(acceptedDay)), where);
            }
        }
    }

    @Test
    void addingDThenEWorkingDaysEqualsAddingDPlusE() {
        long seed = 4_002L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 3_000; trial++) {
            Instant accepted = randomInstant(random);
            int d = random.nextInt(1, 30);
            int e = random.nextInt(1, 30);
            Instant stepwise = ENGINE.due(ENGINE.due(accepted, SlaLimit.workingDays(d)).dueAt(), SlaLimit.workingDays(e)).dueAt();
            Instant atOnce = ENGINE.due(accepted, SlaLimit.workingDays(d + e)).dueAt();
            assertEquals(atOnce, stepwise, "seed " + seed + " trial " + trial + ": " + accepted + " + " + d + " + " + e);
            Instant hours = ENGINE.due(ENGINE.due(accepted, SlaLimit.workingHours(d)).dueAt(), SlaLimit.workingHours(e)).dueAt();
            assertEquals(ENGINE.due(accepted, SlaLimit.workingHours(d + e)).dueAt(), hours,
                    "seed " + seed + " trial " + trial + ": hours");
        }
    }

    @Test
    void aPauseMovesTheDueByExactlyItsWorkingTime() {
        long seed = 4_003L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 3_000; trial++) {
            Instant accepted = randomInstant(random);
            SlaLimit limit = randomLimit(random);
            SlaClock clock = ENGINE.start(accepted, limit, random.nextBoolean() ? SlaLimit.workingDays(2) : null);
            Instant pausedAt = accepted.plusSeconds(random.nextLong(0, 20L * 86_400));
            Instant resumedAt = pausedAt.plusSeconds(random.nextLong(0, 30L * 86_400));
            SlaClock after = (random.nextBoolean() ? clock.supplementRequested(pausedAt) : clock.pause(pausedAt))
                    .resume(resumedAt, ENGINE);
            long paused = CAL.workingSecondsBetween(pausedAt, resumedAt);
            String where = "seed " + seed + " trial " + trial + ": " + accepted + " " + limit + " paused " + pausedAt + ".." + resumedAt;
            assertEquals(paused, CAL.workingSecondsBetween(clock.dueAt(), after.dueAt()), where);
            if (clock.stepDueAt() != null) {
                assertEquals(paused, CAL.workingSecondsBetween(clock.stepDueAt(), after.stepDueAt()), where + " (step)");
            }
            assertTrue(CAL.isWorkingTime(after.dueAt()) || atPeriodEnd(after.dueAt()), where);
            assertEquals(clock.clockStart(), after.clockStart(), where);
            // While paused the remaining working time stands still.
            SlaClock paused1 = clock.pause(pausedAt);
            assertEquals(paused1.remainingWorkingSeconds(pausedAt, ENGINE), paused1.remainingWorkingSeconds(resumedAt, ENGINE), where);
        }
    }

    @Test
    void dueIsMonotonicInTheAcceptanceInstant() {
        long seed = 4_004L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 5_000; trial++) {
            Instant a = randomInstant(random);
            Instant b = a.plusSeconds(random.nextLong(0, trial % 2 == 0 ? 4 * 3_600 : 10L * 86_400));
            SlaLimit limit = randomLimit(random);
            Instant dueA = ENGINE.due(a, limit).dueAt();
            Instant dueB = ENGINE.due(b, limit).dueAt();
            assertFalse(dueB.isBefore(dueA), "seed " + seed + " trial " + trial + ": " + a + " / " + b + " " + limit);
        }
    }

    @Test
    void atRiskLeavesExactlyTheThreshold() {
        long seed = 4_005L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 3_000; trial++) {
            Instant accepted = randomInstant(random);
            SlaLimit limit = SlaLimit.workingDays(random.nextInt(1, 20));
            SlaClock clock = ENGINE.start(accepted, limit, null);
            long threshold = random.nextInt(1, 3 * 28_800);
            Instant risk = Instant.ofEpochSecond(clock.atRiskSecond(threshold, ENGINE));
            String where = "seed " + seed + " trial " + trial + ": " + accepted + " " + limit + " threshold " + threshold;
            long remaining = clock.remainingWorkingSeconds(risk, ENGINE);
            if (ENGINE.limitWorkingSeconds(limit) <= threshold) {
                assertEquals(clock.clockStart(), risk, where);
            } else {
                assertEquals(threshold, remaining, where);
                assertEquals(threshold + 1, clock.remainingWorkingSeconds(risk.minusSeconds(1), ENGINE), where + " (first instant)");
            }
        }
    }

    @Test
    void classificationAgreesWithTheDefinition() {
        long seed = 4_006L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 3_000; trial++) {
            Instant accepted = randomInstant(random);
            SlaClock clock = ENGINE.start(accepted, randomLimit(random), null);
            Instant end = accepted.plusSeconds(random.nextLong(0, 40L * 86_400));
            Outcome o = clock.outcome(end, ENGINE);
            LocalDate endDay = LocalDateTime.ofInstant(end, WorkingCalendar.OFFSET).toLocalDate();
            LocalDate dueDay = LocalDateTime.ofInstant(clock.dueAt(), WorkingCalendar.OFFSET).toLocalDate();
            Outcome expected = end.isAfter(clock.dueAt()) ? Outcome.LATE
                    : endDay.isBefore(dueDay) ? Outcome.EARLY : Outcome.ON_TIME;
            String where = "seed " + seed + " trial " + trial + ": " + accepted + " end " + end;
            assertEquals(expected, o, where);
            assertEquals(end.isAfter(clock.dueAt()) ? Outcome.IN_PROGRESS_OVERDUE : Outcome.IN_PROGRESS_ON_TIME,
                    clock.status(end, ENGINE), where);
            if (clock.overdueWorkingSeconds(end, ENGINE) > 0) {
                assertEquals(Outcome.LATE, o, where);
            }
        }
    }
}
