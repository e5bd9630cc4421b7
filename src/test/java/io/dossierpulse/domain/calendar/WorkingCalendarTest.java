package io.dossierpulse.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTest {

    private static final WorkingCalendar CAL = WorkingCalendar.standard();
    private static final WorkingCalendar RULES_ONLY =
            WorkingCalendar.builder().officialSchedules(OfficialSchedules.none()).build();

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atOffset(WorkingCalendar.OFFSET).toInstant();
    }

    static String local(Instant instant) {
        return instant.atOffset(WorkingCalendar.OFFSET).toLocalDateTime().toString();
    }

    @ParameterizedTest(name = "{0} working={1} ({2})")
    @CsvSource({
            "2025-10-08, true, ordinary Wednesday",
            "2025-10-11, false, ordinary Saturday",
            "2025-10-12, false, ordinary Sunday",
            "2023-01-02, false, New Year 2023 fell on a Sunday",
            "2023-01-19, true, day before the Tết 2023 schedule",
            "2023-01-20, false, Tết 2023 schedule starts",
            "2023-01-26, false, Tết 2023 schedule ends",
            "2023-01-27, true, after Tết 2023",
            "2023-04-28, true, Friday before Hùng Kings 2023",
            "2023-05-01, false, Labour Day 2023",
            "2023-05-02, false, compensatory for Hùng Kings on Saturday 29 April",
            "2023-05-03, false, compensatory for 30 April on Sunday",
            "2023-05-04, true, back to work 2023",
            "2023-09-01, false, National Day 2023 adjacent day",
            "2023-09-04, false, compensatory for 2 September 2023 on Saturday",
            "2023-09-05, true, after National Day 2023",
            "2024-02-07, true, day before the Tết 2024 schedule",
            "2024-02-08, false, Tết 2024 schedule starts",
            "2024-02-14, false, Tết 2024 schedule ends",
            "2024-02-15, true, after Tết 2024",
            "2024-04-18, false, Hùng Kings 2024",
            "2024-04-26, true, Friday before the 2024 swap",
            "2024-04-29, false, Monday 29 April 2024 swapped with Saturday 4 May (Công văn 2450/VPCP-KGVX)",
            "2024-04-30, false, 30 April 2024",
            "2024-05-01, false, 1 May 2024",
            "2024-05-02, true, back to work 2024",
            "2024-05-04, true, Saturday 4 May 2024 worked for Monday 29 April",
            "2024-09-02, false, National Day 2024",
            "2024-09-03, false, the day after National Day 2024 (Thông báo 5015/TB-LĐTBXH)",
            "2024-09-04, true, after National Day 2024",
            "2021-02-09, true, day before the Tết 2021 schedule",
            "2021-02-10, false, Tết 2021 schedule starts (Thông báo 4875/TB-LĐTBXH)",
            "2021-02-16, false, Tết 2021 schedule ends",
            "2021-02-17, true, after Tết 2021",
            "2021-09-03, false, the day after National Day 2021",
            "2025-01-24, true, day before the Tết 2025 schedule",
            "2025-01-27, false, Tết 2025",
            "2025-01-31, false, Tết 2025",
            "2025-02-03, true, after Tết 2025",
            "2025-04-07, false, Hùng Kings 2025",
            "2025-04-08, true, after Hùng Kings 2025",
            "2025-04-26, true, make-up Saturday 2025",
            "2025-04-29, true, Tuesday before 30 April 2025",
            "2025-04-30, false, 30 April 2025",
            "2025-05-02, false, Friday swapped with Saturday 26 April 2025",
            "2025-05-05, true, after 1 May 2025",
            "2025-08-29, true, Friday before National Day 2025",
            "2025-09-01, false, National Day 2025",
            "2025-09-02, false, National Day 2025",
            "2025-09-03, true, after National Day 2025",
            "2026-02-13, true, day before the Tết 2026 schedule",
            "2026-02-16, false, Tết 2026",
            "2026-02-20, false, Tết 2026",
            "2026-02-23, true, after Tết 2026",
            "2026-04-27, false, compensatory for Hùng Kings 2026 on Sunday",
            "2022-04-11, false, compensatory for Hùng Kings 2022 on Sunday",
    })
    void workingDays(LocalDate date, boolean working, String why) {
        assertEquals(working, CAL.isWorkingDay(date), why);
    }

    @Test
    void nonWorkingDaysOf2025ListScheduledDaysIncludingWeekends() {
        List<CalendarDay> off = CAL.nonWorkingDays(2025);
        assertEquals(22, off.size(), off.toString());
        assertEquals(new CalendarDay(LocalDate.of(2025, 1, 1), DayKind.HOLIDAY, "Tết Dương lịch"), off.get(0));
        assertEquals(LocalDate.of(2025, 1, 25), off.get(1).date());
        assertEquals(DayKind.SCHEDULED_OFF, off.get(1).kind());
        assertEquals(LocalDate.of(2025, 2, 2), off.get(9).date());
        assertTrue(off.stream().anyMatch(d -> d.date().equals(LocalDate.of(2025, 4, 5))), "Saturday of Hùng Kings 2025");
        assertTrue(off.stream().anyMatch(d -> d.date().equals(LocalDate.of(2025, 8, 30))), "Saturday of National Day 2025");
        assertFalse(off.stream().anyMatch(d -> d.date().equals(LocalDate.of(2025, 10, 11))), "ordinary weekends are not listed");
        for (int i = 1; i < off.size(); i++) {
            assertTrue(off.get(i - 1).date().isBefore(off.get(i).date()), "date order");
        }
        assertEquals(List.of(new CalendarDay(LocalDate.of(2025, 4, 26), DayKind.SCHEDULED_WORK, "Làm bù cho thứ Sáu 2/5")),
                CAL.workingWeekendDays(2025));
    }

    @Test
    void compensatoryDaysOf2023() {
        List<CalendarDay> off = CAL.nonWorkingDays(2023);
        assertTrue(off.contains(new CalendarDay(LocalDate.of(2023, 4, 29), DayKind.HOLIDAY, "Giỗ Tổ Hùng Vương")));
        assertTrue(off.contains(new CalendarDay(LocalDate.of(2023, 4, 30), DayKind.HOLIDAY, "Ngày Chiến thắng 30/4")));
        assertTrue(off.contains(new CalendarDay(LocalDate.of(2023, 5, 2), DayKind.COMPENSATORY, "Nghỉ bù Giỗ Tổ Hùng Vương")));
        assertTrue(off.contains(new CalendarDay(LocalDate.of(2023, 5, 3), DayKind.COMPENSATORY, "Nghỉ bù Ngày Chiến thắng 30/4")));
        assertTrue(CAL.workingWeekendDays(2023).isEmpty());
    }

    @Test
    void scheduledYearsFallBackToTheRuleWithoutSchedules() {
        // Tết 2025 by rule: Tuesday 28 January to Saturday 1 February, Saturday compensated on Monday 3 February.
        assertTrue(RULES_ONLY.isWorkingDay(LocalDate.of(2025, 1, 27)));
        assertFalse(RULES_ONLY.isWorkingDay(LocalDate.of(2025, 1, 28)));
        assertFalse(RULES_ONLY.isWorkingDay(LocalDate.of(2025, 1, 31)));
        assertFalse(RULES_ONLY.isWorkingDay(LocalDate.of(2025, 2, 3)));
        assertTrue(RULES_ONLY.isWorkingDay(LocalDate.of(2025, 2, 4)));
        // No swap in 2025 without the schedule.
        assertFalse(RULES_ONLY.isWorkingDay(LocalDate.of(2025, 4, 26)));
        assertTrue(RULES_ONLY.isWorkingDay(LocalDate.of(2025, 5, 2)));
        assertTrue(RULES_ONLY.workingWeekendDays(2025).isEmpty());
    }

    @ParameterizedTest(name = "default Tết {0}: off {1}..{2}")
    @CsvSource({
            // Tết Saturday 6 Feb 2027: Fri 5 - Tue 9, Saturday and Sunday compensated Wed 10, Thu 11.
            "2027, 2027-02-05, 2027-02-11",
            // Tết Wednesday 26 Jan 2028: Tue 25 - Sat 29, Saturday compensated Mon 31.
            "2028, 2028-01-25, 2028-01-31",
            // Tết Tuesday 13 Feb 2029: Mon 12 - Fri 16, no weekend day.
            "2029, 2029-02-12, 2029-02-16",
    })
    void defaultTetIsEveAndFourDaysWithCompensation(int year, LocalDate first, LocalDate last) {
        assertTrue(CAL.isWorkingDay(prevWeekday(first)), "before " + first);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            assertFalse(CAL.isWorkingDay(d), d.toString());
        }
        assertTrue(CAL.isWorkingDay(nextWeekday(last)), "after " + last);
        long tetDays = CAL.nonWorkingDays(year).stream()
                .filter(d -> d.kind() == DayKind.HOLIDAY && d.reason().equals(Holiday.TET.label())).count();
        assertEquals(5, tetDays);
    }

    @ParameterizedTest(name = "National Day {0} ({1}): also {2}, compensatory {3}")
    @CsvSource({
            "2021, THURSDAY, 2021-09-03, ",
            "2022, FRIDAY, 2022-09-01, ",
            "2023, SATURDAY, 2023-09-01, 2023-09-04",
            "2024, MONDAY, 2024-09-03, ",
            "2025, TUESDAY, 2025-09-01, ",
            "2026, WEDNESDAY, 2026-09-03, ",
            "2029, SUNDAY, 2029-09-03, 2029-09-04",
    })
    void nationalDayRule(int year, String weekday, LocalDate companion, LocalDate compensatory) {
        LocalDate second = LocalDate.of(year, 9, 2);
        assertEquals(weekday, second.getDayOfWeek().name());
        assertEquals(companion, HolidayPlanner.nationalDayCompanion(year));
        List<CalendarDay> off = RULES_ONLY.nonWorkingDays(year);
        assertTrue(off.contains(new CalendarDay(second, DayKind.HOLIDAY, "Quốc khánh 2/9")));
        assertTrue(off.contains(new CalendarDay(companion, DayKind.HOLIDAY, "Quốc khánh 2/9")));
        assertFalse(RULES_ONLY.isWorkingDay(companion));
        if (compensatory != null) {
            assertTrue(off.contains(new CalendarDay(compensatory, DayKind.COMPENSATORY, "Nghỉ bù Quốc khánh 2/9")));
        }
    }

    @Test
    void overridesFromAFileApplyLast(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("overrides.csv");
        Files.writeString(file, String.join("\n",
                "# local decisions",
                "",
                "2026-05-02,OFF,nghỉ theo quyết định của thành phố",
                "2026-05-04,OFF,nghỉ bù, theo thông báo",
                "2026-04-25,WORK,làm bù",
                "2025-04-26,OFF,không làm bù"), StandardCharsets.UTF_8);
        WorkingCalendar cal = WorkingCalendar.builder().overrides(file).build();
        assertFalse(cal.isWorkingDay(LocalDate.of(2026, 5, 4)));
        assertTrue(cal.isWorkingDay(LocalDate.of(2026, 4, 25)));
        assertFalse(cal.isWorkingDay(LocalDate.of(2025, 4, 26)), "an override beats the official schedule");
        assertTrue(cal.nonWorkingDays(2026).contains(
                new CalendarDay(LocalDate.of(2026, 5, 2), DayKind.OVERRIDE_OFF, "nghỉ theo quyết định của thành phố")));
        assertTrue(cal.nonWorkingDays(2026).contains(
                new CalendarDay(LocalDate.of(2026, 5, 4), DayKind.OVERRIDE_OFF, "nghỉ bù, theo thông báo")));
        assertEquals(List.of(new CalendarDay(LocalDate.of(2026, 4, 25), DayKind.OVERRIDE_WORK, "làm bù")),
                cal.workingWeekendDays(2026));
        // Wednesday 29 April 2026 16:00 + 2 working hours: 30 April to Monday 4 May are off.
        assertEquals("2026-05-05T10:00", local(cal.addWorkingSeconds(at("2026-04-30T16:00"), 7_200)),
                "30 April 2026 is a holiday: both hours run on 5 May");
        assertEquals("2026-05-05T09:00", local(cal.addWorkingSeconds(at("2026-04-29T16:00"), 7_200)));
        assertTrue(CAL.isWorkingDay(LocalDate.of(2026, 5, 4)), "the standard calendar is unaffected");
    }

    @Test
    void overrideLinesAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CalendarOverride.parse(new StringReader("2026-05-02,OFF,ok\n2026-13-01,OFF,bad")));
        assertTrue(e.getMessage().startsWith("line 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CalendarOverride.parse(new StringReader("2026-05-02,HOLIDAY")));
        assertThrows(IllegalArgumentException.class, () -> CalendarOverride.parse(new StringReader("2026-05-02")));
        assertEquals(List.of(CalendarOverride.work(LocalDate.of(2026, 4, 25), "")),
                CalendarOverride.parse(new StringReader("\uFEFF2026-04-25, WORK")));
    }

    @Test
    void scheduleLinesAreValidated() {
        assertThrows(IllegalArgumentException.class,
                () -> OfficialSchedules.parse(new StringReader("2025,CHRISTMAS,OFF,2025-12-25,2025-12-25,x")));
        assertThrows(IllegalArgumentException.class,
                () -> OfficialSchedules.parse(new StringReader("2025,TET,OFF,2025-02-02,2025-01-25,x")));
        OfficialSchedules extra = OfficialSchedules.parse(new StringReader(
                "2027,TET,OFF,2027-02-04,2027-02-10,Tết Đinh Mùi\n2027,TET,WORK,2027-01-30,2027-01-30,làm bù"));
        WorkingCalendar cal = WorkingCalendar.builder()
                .officialSchedules(OfficialSchedules.bundled().plus(extra)).build();
        assertFalse(cal.isWorkingDay(LocalDate.of(2027, 2, 4)));
        assertTrue(cal.isWorkingDay(LocalDate.of(2027, 2, 11)), "the rule's compensatory day is replaced");
        assertTrue(cal.isWorkingDay(LocalDate.of(2027, 1, 30)));
        assertFalse(cal.isWorkingDay(LocalDate.of(2025, 1, 28)), "bundled lines kept");
    }

    @Test
    void bundledSchedulesAreThoseOfTheDomainReference() {
        OfficialSchedules bundled = OfficialSchedules.bundled();
        assertEquals(13, bundled.entries().size());
        assertEquals(5, bundled.forYear(2025).size());
        assertEquals(new OfficialSchedule(2025, java.util.Set.of(Holiday.REUNIFICATION, Holiday.LABOUR_DAY), true,
                        LocalDate.of(2025, 4, 26), LocalDate.of(2025, 4, 26),
                        "Công văn 8726/VPCP-KGVX ngày 26/11/2024 (Văn phòng Chính phủ)", "Làm bù cho thứ Sáu 2/5"),
                bundled.forYear(2025).get(3));
        assertTrue(bundled.entries().stream().allMatch(e -> !e.source().isBlank()), "every line names its source");
        assertTrue(OfficialSchedules.none().entries().isEmpty());
    }

    @Test
    void toBuilderKeepsTheConfiguration() {
        WorkingCalendar summer = WorkingCalendar.builder()
                .periods(WorkingPeriod.of("07:30", "11:30"), WorkingPeriod.of("13:30", "17:30"))
                .override(CalendarOverride.off(LocalDate.of(2026, 3, 2), "bầu cử"))
                .build();
        WorkingCalendar more = summer.toBuilder().override(CalendarOverride.off(LocalDate.of(2026, 3, 3), "x")).build();
        assertEquals(summer.periods(), more.periods());
        assertFalse(more.isWorkingDay(LocalDate.of(2026, 3, 2)));
        assertFalse(more.isWorkingDay(LocalDate.of(2026, 3, 3)));
        assertTrue(summer.isWorkingDay(LocalDate.of(2026, 3, 3)));
        assertFalse(more.isWorkingDay(LocalDate.of(2025, 4, 7)), "bundled schedules kept");
    }

    @Test
    void scheduleSpillingIntoThePreviousYear() {
        OfficialSchedules ny = OfficialSchedules.parse(new StringReader("2031,NEW_YEAR,OFF,2030-12-31,2031-01-01,Tết Dương lịch"));
        WorkingCalendar cal = WorkingCalendar.builder().officialSchedules(ny).build();
        assertFalse(cal.isWorkingDay(LocalDate.of(2030, 12, 31)));
        assertTrue(cal.nonWorkingDays(2030).stream().anyMatch(d -> d.date().equals(LocalDate.of(2030, 12, 31))));
    }

    @ParameterizedTest(name = "clock accepted {0} starts {1}")
    @CsvSource({
            "2025-10-08T10:00, 2025-10-08T10:00",
            "2025-10-08T07:00, 2025-10-08T08:00",
            "2025-10-08T12:00, 2025-10-08T13:00",
            "2025-10-08T12:30, 2025-10-08T13:00",
            "2025-10-08T16:59:59, 2025-10-08T16:59:59",
            "2025-10-08T17:00, 2025-10-09T08:00",
            "2025-10-08T18:00, 2025-10-09T08:00",
            "2025-10-10T18:00, 2025-10-13T08:00",
            "2025-10-11T10:00, 2025-10-13T08:00",
            "2025-01-24T17:30, 2025-02-03T08:00",
            "2025-04-25T17:30, 2025-04-26T08:00",
            "2023-04-28T12:15, 2023-04-28T13:00",
            "2023-04-28T17:15, 2023-05-04T08:00",
    })
    void clockStart(String accepted, String start) {
        assertEquals(at(start), CAL.clockStart(at(accepted)));
    }

    @Test
    void clockStartKeepsSubSecondsInsideAPeriod() {
        Instant inside = at("2025-10-08T10:00").plusMillis(250);
        assertSame(inside, CAL.clockStart(inside));
    }

    @ParameterizedTest(name = "{0} + {1}s = {2}")
    @CsvSource({
            "2025-10-08T08:00, 28800, 2025-10-08T17:00", // exactly a day: 17:00, not the next morning
            "2025-10-08T13:00, 14400, 2025-10-08T17:00",
            "2025-10-08T10:00, 7200, 2025-10-08T12:00",  // at the end of the morning period
            "2025-10-08T10:00, 7201, 2025-10-08T13:00:01",
            "2025-10-08T12:00, 1, 2025-10-08T13:00:01",
            "2025-10-08T17:00, 1, 2025-10-09T08:00:01",
            "2025-10-08T10:00, 86400, 2025-10-13T10:00", // 3 days: Wednesday to Monday
            "2025-10-10T16:00, 7200, 2025-10-13T09:00",
            "2025-01-24T16:00, 7200, 2025-02-03T09:00",  // across Tết 2025
            "2025-04-25T16:00, 7200, 2025-04-26T09:00",  // into the make-up Saturday
            "2023-04-28T16:00, 7200, 2023-05-04T09:00",  // across the 2023 compensatory days
            "2024-12-31T16:00, 7200, 2025-01-02T09:00",  // across New Year
    })
    void addWorkingSeconds(String from, long seconds, String expected) {
        assertEquals(at(expected), CAL.addWorkingSeconds(at(from), seconds));
        assertEquals(seconds, CAL.workingSecondsBetween(at(from), at(expected)));
    }

    @Test
    void addingNothingReturnsTheStartAndNegativeIsRejected() {
        Instant saturday = at("2025-10-11T10:00");
        assertSame(saturday, CAL.addWorkingSeconds(saturday, 0));
        assertThrows(IllegalArgumentException.class, () -> CAL.addWorkingSeconds(saturday, -1));
    }

    @Test
    void workingSecondsBetween() {
        assertEquals(7_200, CAL.workingSecondsBetween(at("2025-10-10T16:00"), at("2025-10-13T09:00")));
        assertEquals(-7_200, CAL.workingSecondsBetween(at("2025-10-13T09:00"), at("2025-10-10T16:00")));
        assertEquals(0, CAL.workingSecondsBetween(at("2025-10-08T12:00"), at("2025-10-08T13:00")));
        assertEquals(0, CAL.workingSecondsBetween(at("2025-01-24T17:00"), at("2025-02-03T08:00")));
        // A whole year, against a day-by-day count.
        long days2025 = CAL.workingSecondsBetween(at("2025-01-01T00:00"), at("2026-01-01T00:00")) / 28_800;
        assertEquals(countWorkingDays(CAL, 2025), days2025);
    }

    @Test
    void endOfWorkingDayAndNextWorkingDay() {
        assertEquals(at("2025-10-08T17:00"), CAL.endOfWorkingDay(LocalDate.of(2025, 10, 8)));
        assertEquals(at("2025-10-13T17:00"), CAL.endOfWorkingDay(LocalDate.of(2025, 10, 11)));
        assertEquals(at("2025-02-03T17:00"), CAL.endOfWorkingDay(LocalDate.of(2025, 1, 25)));
        assertEquals(LocalDate.of(2025, 10, 13), CAL.nextWorkingDay(LocalDate.of(2025, 10, 10)));
        assertEquals(LocalDate.of(2025, 10, 13), CAL.nextWorkingDay(LocalDate.of(2025, 10, 11)));
        assertEquals(LocalDate.of(2025, 4, 26), CAL.nextWorkingDay(LocalDate.of(2025, 4, 25)));
        assertEquals(LocalDate.of(2025, 4, 28), CAL.nextWorkingDay(LocalDate.of(2025, 4, 26)));
        assertEquals(LocalDate.of(2023, 5, 4), CAL.nextWorkingDay(LocalDate.of(2023, 4, 28)));
        assertEquals(LocalDate.of(2026, 1, 2), CAL.nextWorkingDay(LocalDate.of(2025, 12, 31)));
    }

    @Test
    void customPeriods() {
        WorkingCalendar summer = WorkingCalendar.builder()
                .periods(WorkingPeriod.of("13:30", "17:30"), WorkingPeriod.of("07:30", "11:30"))
                .build();
        assertEquals(28_800, summer.workingSecondsPerDay());
        assertEquals(List.of(WorkingPeriod.of("07:30", "11:30"), WorkingPeriod.of("13:30", "17:30")), summer.periods());
        assertEquals(at("2025-10-08T07:45"), summer.clockStart(at("2025-10-08T07:45")));
        assertEquals(at("2025-10-08T13:30"), summer.clockStart(at("2025-10-08T11:30")));
        assertEquals(at("2025-10-08T17:30"), summer.addWorkingSeconds(at("2025-10-08T07:30"), 28_800));
        assertEquals(at("2025-10-08T17:30"), summer.endOfWorkingDay(LocalDate.of(2025, 10, 8)));

        WorkingCalendar single = WorkingCalendar.builder().periods(WorkingPeriod.of("08:00", "14:00")).build();
        assertEquals(21_600, single.workingSecondsPerDay());
        assertEquals(at("2025-10-09T09:00"), single.addWorkingSeconds(at("2025-10-08T13:00"), 7_200));

        assertThrows(IllegalArgumentException.class, () -> WorkingCalendar.builder()
                .periods(WorkingPeriod.of("08:00", "12:30"), WorkingPeriod.of("12:00", "17:00")).build());
        assertThrows(IllegalArgumentException.class, () -> WorkingCalendar.builder().periods(List.of()).build());
        assertThrows(IllegalArgumentException.class, () -> WorkingPeriod.of("12:00", "08:00"));
    }

    @Test
    void supportedRange() {
        assertTrue(CAL.isWorkingDay(LocalDate.of(1900, 1, 2)));
        assertEquals(LocalDate.of(2199, 12, 30).getDayOfWeek().getValue() < 6, CAL.isWorkingDay(LocalDate.of(2199, 12, 30)));
        assertEquals(at("1900-01-02T08:00:01"), CAL.addWorkingSeconds(at("1900-01-01T23:00"), 1));
        assertEquals(countWorkingDays(CAL, 2199) * 28_800L,
                CAL.workingSecondsBetween(at("2199-01-01T00:00"), at("2199-12-31T23:59:59")));
        assertThrows(DateTimeException.class, () -> CAL.isWorkingDay(LocalDate.of(2200, 1, 1)));
        assertThrows(DateTimeException.class, () -> CAL.isWorkingDay(LocalDate.of(1899, 12, 31)));
        assertThrows(DateTimeException.class, () -> CAL.nonWorkingDays(2200));
    }

    /** Independent day-by-day count for cross-checks. */
    static int countWorkingDays(WorkingCalendar cal, int year) {
        int n = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            n += cal.isWorkingDay(d) ? 1 : 0;
        }
        return n;
    }

    private static LocalDate prevWeekday(LocalDate d) {
        LocalDate p = d.minusDays(1);
        while (HolidayPlanner.isWeekend(p)) {
            p = p.minusDays(1);
        }
        return p;
    }

    private static LocalDate nextWeekday(LocalDate d) {
        LocalDate p = d.plusDays(1);
        while (HolidayPlanner.isWeekend(p)) {
            p = p.plusDays(1);
        }
        return p;
    }
}
