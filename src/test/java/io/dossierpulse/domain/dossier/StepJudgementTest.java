package io.dossierpulse.domain.dossier;

import static io.dossierpulse.domain.dossier.LedgerProbe.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.indicators.Measure;
import io.dossierpulse.domain.sla.Outcome;
import io.dossierpulse.domain.sla.SlaClock;
import io.dossierpulse.domain.sla.SlaEngine;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 1, worked example (docs/domain.md, "Inter-agency steps"). HT-314 (27 working days;
 * steps: commune same day with a 15:00 cutoff, commune police 7 days, district 10 days) accepted at
 * Phường Phúc Xá on Wednesday 12 March 2025 10:00. Hùng Kings' day fell on Monday 7 April 2025.
 * <ol>
 * <li>Step 0 (the ward) is due Wednesday 12 March 17:00; transferred to Quận Ba Đình (the holder the
 *     events name) on Monday 17 March 10:00: late, STEP_BREACHED at Wednesday 17:00.</li>
 * <li>Step 1 is due 7 working days after Monday 17 March 10:00: Wednesday 26 March 10:00;
 *     transferred on Tuesday 25 March 10:00 to BHXH-BD (not in the directory): on time.</li>
 * <li>Step 2 is due 10 working days after Tuesday 25 March 10:00: Wednesday 9 April 10:00 (7 April
 *     is off).</li>
 * <li>The dossier's own due is 27 working days after acceptance: Monday 21 April 10:00. Resolved
 *     Thursday 10 April 10:00: early, yet late at two steps.</li>
 * </ol>
 */
class StepJudgementTest {

    @Test
    void eachStepIsJudgedAgainstItsOwnAllotmentAndChargedToItsAgency() {
        LedgerProbe p = new LedgerProbe(SlaEngine.standard())
                .then("S", "HT-314", EventType.ACCEPTED, "2025-03-12T10:00:00+07:00");
        assertEquals(at("2025-03-12T17:00:00+07:00"), p.state().clock().stepDueAt());
        assertEquals(at("2025-04-21T10:00:00+07:00"), p.state().clock().dueAt());

        p.transfer("S", "HT-314", "2025-03-17T10:00:00+07:00", "Q-BD");
        assertEquals(List.of("STEP_BREACHED@" + at("2025-03-12T17:00:00+07:00")), p.announced());
        assertEquals(1, p.on(LocalDate.of(2025, 3, 17)).get(Measure.STEPS_LATE));
        assertEquals(at("2025-03-26T10:00:00+07:00"), p.state().clock().stepDueAt());
        assertEquals(1, p.state().clock().stepIndex());
        assertFalse(p.state().has(DossierState.Flag.STEP_BREACH_SENT), "the next step starts unannounced");

        p.transfer("S", "HT-314", "2025-03-25T10:00:00+07:00", "BHXH-BD");
        assertEquals(1, p.on(LocalDate.of(2025, 3, 25)).get(Measure.STEPS_ON_TIME));
        assertEquals(at("2025-04-09T10:00:00+07:00"), p.state().clock().stepDueAt(), "7 April is Hùng Kings' day");

        p.then("S", "HT-314", EventType.RESOLVED, "2025-04-10T10:00:00+07:00");
        assertEquals(List.of("STEP_BREACHED@" + at("2025-03-12T17:00:00+07:00"),
                "STEP_BREACHED@" + at("2025-04-09T10:00:00+07:00")), p.announced());
        assertEquals(Outcome.EARLY, p.state().outcome(), "the dossier is judged against the procedure's total");
        assertEquals(1, p.on(LocalDate.of(2025, 4, 10)).get(Measure.STEPS_LATE));
        assertTrue(p.state().clock().stepLate(0) && !p.state().clock().stepLate(1) && p.state().clock().stepLate(2));
        assertEquals(2, p.total().get(Measure.STEPS_LATE));
        assertEquals(1, p.total().get(Measure.STEPS_ON_TIME));
    }

    /** Which agencies the late steps are charged to: the one holding the dossier during each. */
    @Test
    void lateStepsAreCountedUnderTheAgencyThatHeldTheDossier() {
        LedgerProbe p = new LedgerProbe(SlaEngine.standard())
                .then("T", "HT-314", EventType.ACCEPTED, "2025-03-12T10:00:00+07:00")
                .transfer("T", "HT-314", "2025-03-17T10:00:00+07:00", "Q-BD");
        assertEquals(1, p.agencyCounts(LedgerProbe.AGENCY, Measure.STEPS_LATE), "the ward held step 0");
        p.transfer("T", "HT-314", "2025-04-09T10:00:00+07:00", "BHXH-BD");
        assertEquals(1, p.agencyCounts("Q-BD", Measure.STEPS_LATE), "the district held step 1 past 26 March");
        p.then("T", "HT-314", EventType.RESOLVED, "2025-04-18T09:00:00+07:00");
        assertEquals(1, p.agencyCounts(DossierLedger.UNREGISTERED, Measure.STEPS_ON_TIME),
                "an agency outside the directory is counted in the one bucket");
        assertEquals(SlaClock.NONE, p.ledger().deadlineSecond(p.state(), Deadline.STEP),
                "an ended dossier has no step deadline pending");
    }
}
