package io.dossierpulse.generator;

import static io.dossierpulse.generator.OfficeHours.HOUR;
import static io.dossierpulse.generator.OfficeHours.MINUTE;
import static io.dossierpulse.generator.OfficeHours.WORKING_DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfficeHoursTest {

    private static long at(String local) {
        return LocalDateTime.parse(local).toInstant(ZoneOffset.ofHours(7)).toEpochMilli();
    }

    private static String local(long t) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(t, 1000), 0, ZoneOffset.ofHours(7)).toString();
    }

    @ParameterizedTest(name = "{0} + {1} min = {2}")
    @CsvSource({
        // Wednesday 10:00 plus three working days: Monday 10:00 (docs/domain.md)
        "2025-01-08T10:00, 1440, 2025-01-13T10:00",
        // an amount that runs out at a period's end gives that end, not the next morning
        "2025-01-08T08:00, 480,  2025-01-08T17:00",
        "2025-01-08T08:00, 240,  2025-01-08T12:00",
        // Friday afternoon into Monday
        "2025-01-10T16:00, 120,  2025-01-13T09:00",
        // starting outside working periods: lunch, evening, weekend
        "2025-01-08T12:30, 30,   2025-01-08T13:30",
        "2025-01-08T19:00, 60,   2025-01-09T09:00",
        "2025-01-11T10:00, 60,   2025-01-13T09:00",
        // whole weeks: ten working days from Monday 08:00 end on the second Friday at 17:00
        "2025-01-06T08:00, 4800, 2025-01-17T17:00",
        "2025-01-06T00:00, 4801, 2025-01-20T08:01",
        "2025-01-08T10:00, 0,    2025-01-08T10:00",
    })
    void addWorking(String from, long minutes, String expected) {
        assertEquals(expected, local(OfficeHours.addWorking(at(from), minutes * MINUTE)).substring(0, 16));
    }

    @Test
    void openAndNextOpen() {
        assertTrue(OfficeHours.isOpen(at("2025-01-08T08:00")));
        assertFalse(OfficeHours.isOpen(at("2025-01-08T12:00")));
        assertFalse(OfficeHours.isOpen(at("2025-01-11T09:00")), "Saturday");
        assertEquals(at("2025-01-13T08:00"), OfficeHours.nextOpen(at("2025-01-10T17:00")));
        assertEquals(at("2025-01-08T13:00"), OfficeHours.nextOpen(at("2025-01-08T12:15")));
        assertEquals(at("2025-01-08T09:15"), OfficeHours.nextOpen(at("2025-01-08T09:15")));
        assertEquals(at("2025-01-08T17:00"), OfficeHours.endOfWorkingDay(at("2025-01-08T16:59")));
        assertEquals(at("2025-01-09T17:00"), OfficeHours.endOfWorkingDay(at("2025-01-08T17:00")));
        assertEquals(at("2025-01-13T17:00"), OfficeHours.endOfNextWorkingDay(at("2025-01-10T10:00")));
        assertEquals(0, OfficeHours.dayOfWeek(OfficeHours.localDay(at("2025-01-06T00:00"))), "a Monday");
        assertEquals(6, OfficeHours.dayOfWeek(OfficeHours.localDay(at("2025-01-12T23:59"))), "a Sunday");
    }

    @Test
    void workingBetweenExamples() {
        assertEquals(WORKING_DAY, OfficeHours.workingBetween(at("2025-01-08T00:00"), at("2025-01-09T00:00")));
        assertEquals(5 * WORKING_DAY, OfficeHours.workingBetween(at("2025-01-08T10:00"), at("2025-01-15T10:00")));
        assertEquals(0, OfficeHours.workingBetween(at("2025-01-11T00:00"), at("2025-01-13T08:00")));
        assertEquals(HOUR, OfficeHours.workingBetween(at("2025-01-08T11:30"), at("2025-01-08T13:30")));
        assertEquals(0, OfficeHours.workingBetween(at("2025-01-08T11:30"), at("2025-01-08T11:00")));
    }

    /** The week jumps must agree with a plain minute-by-minute count. */
    @Test
    void randomIntervalsAgreeWithAMinuteByMinuteCount() {
        long seed = 7L;
        SplittableRandom rnd = new SplittableRandom(seed);
        long base = at("2024-12-30T00:00");
        for (int i = 0; i < 2_000; i++) {
            long a = base + rnd.nextLong(60L * 24 * 60) * MINUTE;
            long work = rnd.nextLong(0, 25L * 480 + 1) * MINUTE;
            String why = "seed " + seed + " case " + i + ": " + local(a) + " + " + work / MINUTE + " min";
            long end = OfficeHours.addWorking(a, work);
            assertEquals(work, OfficeHours.workingBetween(a, end), why);
            assertEquals(naiveAdd(a, work), end, why);
            long b = a + rnd.nextLong(40L * 24 * 60) * MINUTE;
            assertEquals(naiveBetween(a, b), OfficeHours.workingBetween(a, b), why + " between " + local(b));
        }
    }

    private static long naiveBetween(long a, long b) {
        long total = 0;
        for (long t = a; t < b; t += MINUTE) {
            if (OfficeHours.isOpen(t)) {
                total += MINUTE;
            }
        }
        return total;
    }

    private static long naiveAdd(long a, long work) {
        long t = a;
        long left = work;
        while (left > 0) {
            if (OfficeHours.isOpen(t)) {
                left -= MINUTE;
            }
            t += MINUTE;
        }
        return t;
    }
}
