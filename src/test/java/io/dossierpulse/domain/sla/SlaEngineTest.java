package io.dossierpulse.domain.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dossierpulse.domain.calendar.WorkingCalendar;
import io.dossierpulse.domain.calendar.WorkingPeriod;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaEngineTest {

    static final SlaEngine ENGINE = SlaEngine.standard();

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atOffset(WorkingCalendar.OFFSET).toInstant();
    }

    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = '|', textBlock = """
            2025-10-08T10:00 | 3 | 2025-10-08T10:00 | 2025-10-13T10:00 | DOMAIN example: Wednesday 10:00 + 3 days = Monday 10:00
            2025-10-08T08:00 | 1 | 2025-10-08T08:00 | 2025-10-08T17:00 | a day from the opening is due at 17:00 the same day
            2025-10-08T12:30 | 1 | 2025-10-08T13:00 | 2025-10-09T12:00 | lunch-time acceptance starts at 13:00
            2025-10-08T18:00 | 1 | 2025-10-09T08:00 | 2025-10-09T17:00 | after hours: next morning, due exactly at 17:00
            2025-10-08T07:15 | 2 | 2025-10-08T08:00 | 2025-10-09T17:00 | before opening
            2025-10-10T15:00 | 1 | 2025-10-10T15:00 | 2025-10-13T15:00 | over a weekend
            2025-10-11T09:00 | 1 | 2025-10-13T08:00 | 2025-10-13T17:00 | accepted on a Saturday
            2025-10-06T08:00 | 5 | 2025-10-06T08:00 | 2025-10-10T17:00 | a working week
            2025-01-24T10:00 | 1 | 2025-01-24T10:00 | 2025-02-03T10:00 | across the Tết 2025 schedule (25 Jan - 2 Feb)
            2025-01-24T17:30 | 1 | 2025-02-03T08:00 | 2025-02-03T17:00 | accepted after hours on the eve of Tết 2025
            2024-02-07T15:00 | 2 | 2024-02-07T15:00 | 2024-02-16T15:00 | across the Tết 2024 schedule (8 - 14 Feb)
            2023-01-19T09:00 | 1 | 2023-01-19T09:00 | 2023-01-27T09:00 | across the Tết 2023 schedule (20 - 26 Jan)
            2026-02-13T11:00 | 1 | 2026-02-13T11:00 | 2026-02-23T11:00 | across the Tết 2026 schedule (14 - 22 Feb)
            2025-04-25T10:00 | 1 | 2025-04-25T10:00 | 2025-04-26T10:00 | into the make-up Saturday 26 Apr 2025
            2025-04-25T10:00 | 2 | 2025-04-25T10:00 | 2025-04-28T10:00 | over the make-up Saturday
            2025-04-25T10:00 | 4 | 2025-04-25T10:00 | 2025-05-05T10:00 | over 30 Apr - 4 May 2025
            2025-04-04T10:00 | 1 | 2025-04-04T10:00 | 2025-04-08T10:00 | over Hùng Kings 2025 (5 - 7 Apr)
            2023-04-28T10:00 | 1 | 2023-04-28T10:00 | 2023-05-04T10:00 | over the 2023 compensatory days 2 - 3 May
            2025-08-29T10:00 | 1 | 2025-08-29T10:00 | 2025-09-03T10:00 | over National Day 2025 (30 Aug - 2 Sep)
            2024-12-31T16:00 | 1 | 2024-12-31T16:00 | 2025-01-02T16:00 | over New Year's Day
            2025-12-31T13:00 | 20 | 2025-12-31T13:00 | 2026-01-29T12:00 | twenty days over New Year; from 13:00 the first instant is 12:00
            """)
    void workingDays(String accepted, int days, String clockStart, String dueAt, String why) {
        Due due = ENGINE.due(at(accepted), SlaLimit.workingDays(days));
        assertEquals(new Due(at(clockStart), at(dueAt)), due, why);
        assertEquals(at(dueAt).getEpochSecond(), ENGINE.dueEpochSecond(at(accepted).getEpochSecond(), SlaLimit.workingDays(days)));
    }

    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = '|', textBlock = """
            2025-10-08T10:00 | 2  | 2025-10-08T10:00 | 2025-10-08T12:00 | ends exactly at the lunch break
            2025-10-08T11:00 | 2  | 2025-10-08T11:00 | 2025-10-08T14:00 | spans the lunch break
            2025-10-08T16:00 | 2  | 2025-10-08T16:00 | 2025-10-09T09:00 | spans the night
            2025-10-08T12:15 | 4  | 2025-10-08T13:00 | 2025-10-08T17:00 | lunch-time acceptance, due exactly at 17:00
            2025-10-10T16:30 | 1  | 2025-10-10T16:30 | 2025-10-13T08:30 | over a weekend
            2025-10-08T08:00 | 16 | 2025-10-08T08:00 | 2025-10-09T17:00 | sixteen hours are two days
            """)
    void workingHours(String accepted, int hours, String clockStart, String dueAt, String why) {
        assertEquals(new Due(at(clockStart), at(dueAt)), ENGINE.due(at(accepted), SlaLimit.workingHours(hours)), why);
    }

    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2025-10-08T14:59 | 15:00 | 2025-10-08T14:59 | 2025-10-08T17:00 | before the cutoff: same day
            2025-10-08T15:00 | 15:00 | 2025-10-08T15:00 | 2025-10-08T17:00 | at the cutoff: same day
            2025-10-08T15:01 | 15:00 | 2025-10-08T15:01 | 2025-10-09T17:00 | after the cutoff: next working day
            2025-10-08T07:30 | 15:00 | 2025-10-08T08:00 | 2025-10-08T17:00 | before opening: same day
            2025-10-08T12:30 | 15:00 | 2025-10-08T13:00 | 2025-10-08T17:00 | at lunch: same day
            2025-10-08T17:00 | 18:00 | 2025-10-09T08:00 | 2025-10-09T17:00 | after the last period: next working day
            2025-10-10T16:00 | 15:00 | 2025-10-10T16:00 | 2025-10-13T17:00 | Friday after the cutoff: Monday
            2025-10-11T10:00 | 15:00 | 2025-10-13T08:00 | 2025-10-13T17:00 | Saturday: next working day
            2025-10-11T16:00 | 15:00 | 2025-10-13T08:00 | 2025-10-13T17:00 | Saturday after the cutoff: still only the next working day
            2025-10-08T16:59 | -     | 2025-10-08T16:59 | 2025-10-08T17:00 | no cutoff: same day
            2025-01-24T16:00 | 15:00 | 2025-01-24T16:00 | 2025-02-03T17:00 | eve of Tết 2025 after the cutoff
            2025-04-25T15:30 | 15:00 | 2025-04-25T15:30 | 2025-04-26T17:00 | to the make-up Saturday
            """)
    void sameDay(String accepted, LocalTime cutoff, String clockStart, String dueAt, String why) {
        assertEquals(new Due(at(clockStart), at(dueAt)), ENGINE.due(at(accepted), SlaLimit.sameDay(cutoff)), why);
        assertEquals(-1, ENGINE.limitWorkingSeconds(SlaLimit.sameDay(cutoff)));
    }

    @Test
    void aWorkingDayIsTheCalendarsDayLength() {
        WorkingCalendar summer = WorkingCalendar.builder()
                .periods(WorkingPeriod.of("07:30", "11:30"), WorkingPeriod.of("13:30", "17:30")).build();
        SlaEngine engine = new SlaEngine(summer);
        assertEquals(3 * 28_800L, engine.limitWorkingSeconds(SlaLimit.workingDays(3)));
        assertEquals(7_200L, engine.limitWorkingSeconds(SlaLimit.workingHours(2)));
        assertEquals(new Due(at("2025-10-08T07:30"), at("2025-10-08T17:30")),
                engine.due(at("2025-10-08T07:30"), SlaLimit.workingDays(1)));

        WorkingCalendar shortDay = WorkingCalendar.builder().periods(WorkingPeriod.of("08:00", "14:00")).build();
        assertEquals(new Due(at("2025-10-08T10:00"), at("2025-10-10T10:00")),
                new SlaEngine(shortDay).due(at("2025-10-08T10:00"), SlaLimit.workingDays(2)));
    }

    @Test
    void engineSettings() {
        assertSame(WorkingCalendar.standard(), ENGINE.calendar());
        assertEquals(28_800, ENGINE.atRiskThresholdSeconds());
        assertEquals(3_600, new SlaEngine(WorkingCalendar.standard(), 3_600).atRiskThresholdSeconds());
        assertThrows(IllegalArgumentException.class, () -> new SlaEngine(WorkingCalendar.standard(), -1));
    }
}
