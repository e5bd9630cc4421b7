package io.dossierpulse.domain.dossier;

import static io.dossierpulse.domain.dossier.LedgerProbe.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.calendar.WorkingCalendar;
import io.dossierpulse.domain.indicators.Measure;
import io.dossierpulse.domain.sla.SlaEngine;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 4, worked example (docs/domain.md, "Re-appointment"). HT-304 (3 working days)
 * accepted Wednesday 12 March 2025 10:00 is due Monday 17 March 10:00 (at risk Friday 14 March 10:00).
 * <ol>
 * <li>Friday 14 March 11:00, an apology promises Tuesday 18 March 10:00.</li>
 * <li>Wednesday 19 March 10:00, still processing: both dues have passed.</li>
 * <li>Wednesday 19 March 11:00, a second apology promises Friday 21 March 10:00.</li>
 * <li>Monday 24 March 10:00, resolved.</li>
 * </ol>
 * With the default limit of one new appointment the second apology is counted
 * (REAPPOINTMENTS_BEYOND_LIMIT) and the standing appointment stays Tuesday's; with a limit of two (or
 * none) it replaces it, and missing it is announced once more.
 */
class ReappointmentLimitTest {

    private static final String[] DUES = {"AT_RISK@2025-03-14T03:00:00Z", "BREACHED@2025-03-17T03:00:00Z",
        "REAPPOINTMENT_BREACHED@2025-03-18T03:00:00Z"};

    private static LedgerProbe history(SlaEngine engine) {
        return new LedgerProbe(engine)
                .then("A", "HT-304", EventType.ACCEPTED, "2025-03-12T10:00:00+07:00")
                .then("A", "HT-304", EventType.APOLOGY_ISSUED, "2025-03-14T11:00:00+07:00", null,
                        at("2025-03-18T10:00:00+07:00"))
                .then("A", "HT-304", EventType.PROCESSING, "2025-03-19T10:00:00+07:00")
                .then("A", "HT-304", EventType.APOLOGY_ISSUED, "2025-03-19T11:00:00+07:00", null,
                        at("2025-03-21T10:00:00+07:00"));
    }

    private static SlaEngine limit(int max) {
        return new SlaEngine(WorkingCalendar.standard(), SlaEngine.DEFAULT_AT_RISK_SECONDS, max);
    }

    @Test
    void aSecondApologyBeyondTheDefaultLimitIsCountedAndLeavesTheDate() {
        assertEquals(1, SlaEngine.standard().maxReappointments());
        LedgerProbe p = history(SlaEngine.standard());
        assertEquals(at("2025-03-18T10:00:00+07:00"), p.state().clock().reappointedDueAt());
        assertEquals(at("2025-03-21T10:00:00+07:00"), p.state().sourceNewDueAt(), "the source's word is kept beside it");
        assertEquals(2, p.state().clock().reappointments());
        assertEquals(1, p.on(LocalDate.of(2025, 3, 19)).get(Measure.REAPPOINTMENTS_BEYOND_LIMIT));
        assertEquals(2, p.total().get(Measure.APOLOGIES), "every apology letter is counted");
        p.then("A", "HT-304", EventType.RESOLVED, "2025-03-24T10:00:00+07:00");
        assertEquals(List.of(DUES[0], DUES[1], DUES[2], "RESOLVED_LATE@2025-03-24T03:00:00Z"), p.announced());
    }

    @Test
    void withAHigherLimitTheSecondAppointmentReplacesTheFirstAndIsAnnouncedWhenMissed() {
        for (int max : new int[] {2, 0}) {
            LedgerProbe p = history(limit(max));
            assertEquals(at("2025-03-21T10:00:00+07:00"), p.state().clock().reappointedDueAt(), "limit " + max);
            assertEquals(0, p.total().get(Measure.REAPPOINTMENTS_BEYOND_LIMIT));
            p.then("A", "HT-304", EventType.RESOLVED, "2025-03-24T10:00:00+07:00");
            assertEquals(List.of(DUES[0], DUES[1], DUES[2], "REAPPOINTMENT_BREACHED@2025-03-21T03:00:00Z",
                    "RESOLVED_LATE@2025-03-24T03:00:00Z"), p.announced(), "limit " + max);
        }
    }

    @Test
    void aNegativeLimitIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> limit(-1));
    }
}
