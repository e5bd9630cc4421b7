package io.dossierpulse.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Seeded random trials of the working-time arithmetic against a plain day-by-day reference. */
class WorkingCalendarPropertyTest {

    private static final WorkingCalendar CAL = WorkingCalendar.standard();
    private static final long FROM = at(LocalDateTime.of(1990, 1, 1, 0, 0));
    private static final long TO = at(LocalDateTime.of(2100, 1, 1, 0, 0));

    private static long at(LocalDateTime t) {
        return t.toEpochSecond(WorkingCalendar.OFFSET);
    }

    /** Working seconds in [a, b) summed day by day over the periods: slow, obviously right. */
    private static long reference(WorkingCalendar cal, long a, long b) {
        LocalDate first = LocalDateTime.ofEpochSecond(a, 0, WorkingCalendar.OFFSET).toLocalDate();
        LocalDate last = LocalDateTime.ofEpochSecond(b, 0, WorkingCalendar.OFFSET).toLocalDate();
        long total = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (!cal.isWorkingDay(d)) {
                continue;
            }
            for (WorkingPeriod p : cal.periods()) {
                long ps = at(d.atTime(p.start()));
                long pe = at(d.atTime(p.end()));
                total += Math.max(0, Math.min(pe, b) - Math.max(ps, a));
            }
        }
        return total;
    }

    private static boolean atPeriodEnd(WorkingCalendar cal, long s) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(s, 0, WorkingCalendar.OFFSET);
        if (!cal.isWorkingDay(t.toLocalDate())) {
            return false;
        }
        LocalTime time = t.toLocalTime();
        return cal.periods().stream().anyMatch(p -> p.end().equals(time));
    }

    @Test
    void workingSecondsBetweenMatchesTheDayByDayReference() {
        long seed = 7_001L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 2_000; trial++) {
            long a = random.nextLong(FROM, TO);
            long b = a + random.nextLong(0, 90L * 86_400);
            if (trial % 4 == 0) {
                a -= Math.floorMod(a, 1_800); // on the half hour now and then, to hit period edges
                b -= Math.floorMod(b, 1_800);
            }
            long expected = reference(CAL, a, b);
            String where = "seed " + seed + " trial " + trial + ": " + Instant.ofEpochSecond(a) + " .. " + Instant.ofEpochSecond(b);
            assertEquals(expected, CAL.workingSecondsBetween(Instant.ofEpochSecond(a), Instant.ofEpochSecond(b)), where);
            assertEquals(-expected, CAL.workingSecondsBetween(Instant.ofEpochSecond(b), Instant.ofEpochSecond(a)), where);
        }
    }

    @Test
    void addWorkingSecondsReturnsTheFirstInstantAndNeverABreak() {
        long seed = 7_002L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 3_000; trial++) {
            Instant from = Instant.ofEpochSecond(random.nextLong(FROM, TO));
            long seconds = switch (trial % 3) {
                case 0 -> random.nextLong(1, 40L * 28_800);
                case 1 -> random.nextInt(1, 60) * 28_800L; // whole days, often landing on 17:00
                default -> random.nextInt(1, 80) * 1_800L;
            };
            String where = "seed " + seed + " trial " + trial + ": " + from + " + " + seconds;
            Instant due = CAL.addWorkingSeconds(from, seconds);
            long s = due.getEpochSecond();
            assertEquals(seconds, CAL.workingSecondsBetween(from, due), where);
            assertEquals(seconds - 1, CAL.workingSecondsBetween(from, due.minusSeconds(1)), where + " (first instant)");
            assertTrue(CAL.isWorkingTime(due) || atPeriodEnd(CAL, s), where + " = " + due);
            assertEquals(seconds, reference(CAL, from.getEpochSecond(), s), where + " (reference)");
        }
    }

    @Test
    void clockStartIsTheNextWorkingSecond() {
        long seed = 7_003L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 3_000; trial++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(FROM, TO));
            Instant start = CAL.clockStart(t);
            String where = "seed " + seed + " trial " + trial + ": " + t + " -> " + start;
            assertFalse(start.isBefore(t), where);
            assertTrue(CAL.isWorkingTime(start), where);
            assertEquals(0, CAL.workingSecondsBetween(t, start), where);
            assertEquals(start.equals(t), CAL.isWorkingTime(t), where);
            if (!start.equals(t)) {
                assertFalse(CAL.isWorkingTime(start.minusSeconds(1)), where);
            }
        }
    }

    @Test
    void nextWorkingDayAgreesWithDayByDayScan() {
        long seed = 7_004L;
        SplittableRandom random = new SplittableRandom(seed);
        long first = LocalDate.of(1900, 1, 1).toEpochDay();
        long last = LocalDate.of(2199, 12, 1).toEpochDay();
        for (int trial = 0; trial < 2_000; trial++) {
            LocalDate d = LocalDate.ofEpochDay(random.nextLong(first, last));
            LocalDate expected = d.plusDays(1);
            while (!CAL.isWorkingDay(expected)) {
                expected = expected.plusDays(1);
            }
            assertEquals(expected, CAL.nextWorkingDay(d), "seed " + seed + " trial " + trial + ": " + d);
        }
    }

    @Test
    void everyYearHasPlausibleWorkingDaysAndAGaplessRunningCount() {
        for (int year = WorkingCalendar.MIN_YEAR; year <= WorkingCalendar.MAX_YEAR; year++) {
            int days = WorkingCalendarTest.countWorkingDays(CAL, year);
            assertTrue(days >= 235 && days <= 255, year + " has " + days + " working days");
            long counted = CAL.workingSecondsBetween(
                    Instant.ofEpochSecond(at(LocalDateTime.of(year, 1, 1, 0, 0))),
                    Instant.ofEpochSecond(at(LocalDateTime.of(year, 12, 31, 23, 59, 59))));
            assertEquals(days * 28_800L, counted, "year " + year);
        }
    }

    @Test
    void concurrentFirstUseBuildsTheSameTables() throws Exception {
        long seed = 7_005L;
        SplittableRandom random = new SplittableRandom(seed);
        int n = 4_000;
        long[] instants = new long[n];
        for (int i = 0; i < n; i++) {
            instants[i] = random.nextLong(at(LocalDateTime.of(1900, 1, 1, 0, 0)), at(LocalDateTime.of(2199, 6, 1, 0, 0)));
        }
        long[] expected = new long[n];
        for (int i = 0; i < n; i++) {
            expected[i] = CAL.reachedAt(CAL.workingOrdinal(instants[i]) + 3 * 28_800L);
        }
        WorkingCalendar fresh = WorkingCalendar.builder().build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                Callable<long[]> job = () -> {
                    long[] out = new long[n];
                    for (int k = 0; k < n; k++) {
                        int i = (k * 7 + offset * 499) % n; // each thread walks the years in its own order
                        out[i] = fresh.reachedAt(fresh.workingOrdinal(instants[i]) + 3 * 28_800L);
                    }
                    return out;
                };
                results.add(pool.submit(job));
            }
            for (Future<long[]> f : results) {
                assertArrayEquals(expected, f.get(), "seed " + seed);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
