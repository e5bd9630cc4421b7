package io.dossierpulse.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LunarCalendarTest {

    @ParameterizedTest(name = "Tết {0} = {1}")
    @CsvSource({
            "1900, 1900-01-31",
            "1968, 1968-01-29", // North Vietnam already on UTC+7; the South (UTC+8) kept 30 January
            "1985, 1985-01-21", // China: 20 February
            "2000, 2000-02-05",
            "2001, 2001-01-24",
            "2004, 2004-01-22",
            "2006, 2006-01-29",
            "2007, 2007-02-17", // China: 18 February
            "2010, 2010-02-14",
            "2015, 2015-02-19",
            "2017, 2017-01-28",
            "2020, 2020-01-25",
            "2021, 2021-02-12",
            "2022, 2022-02-01",
            "2023, 2023-01-22",
            "2024, 2024-02-10",
            "2025, 2025-01-29",
            "2026, 2026-02-17",
            "2027, 2027-02-06",
            "2028, 2028-01-26",
            "2030, 2030-02-02", // China: 3 February (new moon at 23:07 Hanoi time)
            "2053, 2053-02-18", // China: 19 February
    })
    void knownVietnameseNewYears(int year, LocalDate tet) {
        assertEquals(tet, LunarCalendar.lunarNewYear(year));
        assertEquals(new LunarDate(year, 1, 1, false), LunarCalendar.toLunar(tet));
    }

    @ParameterizedTest(name = "{0}: Vietnam {1}, China {2}")
    @CsvSource({
            "1985, 1985-01-21, 1985-02-20",
            "2007, 2007-02-17, 2007-02-18",
            "2030, 2030-02-02, 2030-02-03",
    })
    void differsFromTheChineseCalendar(int year, LocalDate vietnam, LocalDate china) {
        assertEquals(vietnam, LunarCalendar.lunarNewYear(year));
        assertNotEquals(china, LunarCalendar.lunarNewYear(year));
    }

    @ParameterizedTest(name = "Hùng Kings {0} = {1}")
    @CsvSource({
            "2022, 2022-04-10",
            "2023, 2023-04-29",
            "2024, 2024-04-18",
            "2025, 2025-04-07",
            "2026, 2026-04-26",
    })
    void hungKingsDay(int year, LocalDate date) {
        assertEquals(date, LunarCalendar.toSolar(year, 3, 10, false));
        assertEquals(new LunarDate(year, 3, 10, false), LunarCalendar.toLunar(date));
    }

    @ParameterizedTest(name = "leap month of {0} = {1}")
    @CsvSource({
            "2012, 4",
            "2014, 9",
            "2017, 6",
            "2020, 4",
            "2023, 2",
            "2024, 0",
            "2025, 6",
            "2026, 0",
            "2028, 5",
            "2033, 11",
    })
    void leapMonths(int year, int leapMonth) {
        assertEquals(leapMonth, LunarCalendar.leapMonth(year));
    }

    @ParameterizedTest(name = "{0} = {1}/{2}{3}/{4}")
    @CsvSource({
            "2024-02-09, 30, 12, false, 2023", // Tết Giáp Thìn had a 30th of month 12
            "2025-01-28, 29, 12, false, 2024", // Tết Ất Tỵ did not
            "2023-03-22, 1, 2, true, 2023",
            "2023-04-19, 29, 2, true, 2023",
            "2023-04-20, 1, 3, false, 2023",
            "2025-07-25, 1, 6, true, 2025",
            "2024-09-17, 15, 8, false, 2024", // Mid-autumn festival
            "2033-12-22, 1, 11, true, 2033",
            "2034-01-20, 1, 12, false, 2033",
            "1900-01-01, 1, 12, false, 1899",
    })
    void knownLunarDates(LocalDate solar, int day, int month, boolean leap, int year) {
        LunarDate lunar = new LunarDate(year, month, day, leap);
        assertEquals(lunar, LunarCalendar.toLunar(solar));
        assertEquals(solar, LunarCalendar.toSolar(year, month, day, leap));
    }

    @Test
    void monthLengths() {
        assertEquals(30, LunarCalendar.monthLength(2023, 12, false));
        assertEquals(29, LunarCalendar.monthLength(2024, 12, false));
        assertEquals(29, LunarCalendar.monthLength(2023, 2, true));
    }

    @Test
    void rejectsDatesThatDoNotExist() {
        assertThrows(IllegalArgumentException.class, () -> LunarCalendar.toSolar(2024, 2, 1, true));
        assertThrows(IllegalArgumentException.class, () -> LunarCalendar.toSolar(2024, 12, 30, false));
        assertThrows(IllegalArgumentException.class, () -> LunarCalendar.toSolar(2024, 13, 1, false));
        assertThrows(DateTimeException.class, () -> LunarCalendar.lunarNewYear(1899));
        assertThrows(DateTimeException.class, () -> LunarCalendar.lunarNewYear(2200));
        assertThrows(DateTimeException.class, () -> LunarCalendar.toLunar(LocalDate.of(2200, 1, 1)));
    }

    /** Every supported year: Tết between 21 January and 20 February, round-trips, and years have 353-385 days. */
    @Test
    void everyNewYearIsPlausibleAndRoundTrips() {
        MonthDay earliest = MonthDay.of(1, 21);
        MonthDay latest = MonthDay.of(2, 20);
        LocalDate previous = null;
        for (int year = LunarCalendar.MIN_YEAR; year <= LunarCalendar.MAX_YEAR; year++) {
            LocalDate tet = LunarCalendar.lunarNewYear(year);
            MonthDay md = MonthDay.from(tet);
            assertEquals(year, tet.getYear(), "year " + year);
            assertFalse(md.isBefore(earliest) || md.isAfter(latest), "Tết " + year + " on " + tet);
            assertEquals(new LunarDate(year, 1, 1, false), LunarCalendar.toLunar(tet), "year " + year);
            LunarDate eve = LunarCalendar.toLunar(tet.minusDays(1));
            assertEquals(year - 1, eve.year(), "eve of " + year);
            assertEquals(12, eve.month(), "eve of " + year);
            assertTrue(eve.day() == 29 || eve.day() == 30, "eve of " + year + ": " + eve);
            if (previous != null) {
                long length = tet.toEpochDay() - previous.toEpochDay();
                int leap = LunarCalendar.leapMonth(year - 1);
                if (leap == 0) {
                    assertTrue(length >= 353 && length <= 355, "year " + (year - 1) + " has " + length + " days");
                } else {
                    assertTrue(length >= 383 && length <= 385, "leap year " + (year - 1) + " has " + length + " days");
                }
            }
            previous = tet;
        }
    }

    @Test
    void randomDatesRoundTripAndRunInSequence() {
        long seed = 20_250_101L;
        SplittableRandom random = new SplittableRandom(seed);
        long first = LocalDate.of(1900, 1, 1).toEpochDay();
        long last = LocalDate.of(2199, 12, 30).toEpochDay();
        for (int trial = 0; trial < 5_000; trial++) {
            LocalDate d = LocalDate.ofEpochDay(random.nextLong(first, last + 1));
            String where = "seed " + seed + " trial " + trial + " date " + d;
            LunarDate lunar = LunarCalendar.toLunar(d);
            assertEquals(d, LunarCalendar.toSolar(lunar.year(), lunar.month(), lunar.day(), lunar.leap()), where);
            LunarDate next = LunarCalendar.toLunar(d.plusDays(1));
            if (next.day() != 1) {
                assertEquals(new LunarDate(lunar.year(), lunar.month(), lunar.day() + 1, lunar.leap()), next, where);
            } else {
                assertTrue(lunar.day() == 29 || lunar.day() == 30, where);
                boolean sameNumberLeap = next.leap() && next.month() == lunar.month();
                int expectedMonth = lunar.month() % 12 + 1;
                assertTrue(sameNumberLeap || next.month() == expectedMonth, where + " then " + next);
            }
        }
    }

    @Test
    void meeusWorkedExamples() {
        // Example 49.a: the new moon of 1977 February 18, JDE 2443192.65118.
        assertEquals(2443192.65118, Astronomy.newMoonJde(-283), 0.00005);
        // Example 25.a: the Sun's apparent longitude on 1992 October 13.0 TD, 199.90895°.
        assertEquals(199.90895, Astronomy.apparentSolarLongitude(2448908.5), 0.0001);
    }
}
