package io.dossierpulse.domain.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.indicators.Indicators;
import io.dossierpulse.domain.indicators.Measure;
import io.dossierpulse.domain.indicators.PeriodTally;
import io.dossierpulse.domain.indicators.Tally;
import io.dossierpulse.domain.sla.SlaEngine;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 2, worked example (docs/indicators.md, "Period semantics"): the on-time indicator
 * over "dossiers received or processed in the period", the open backlog counted in every period while
 * open, read on 31 March 2025. HT-304 has 3 working days.
 * <ul>
 * <li>C: accepted Monday 3 February 10:00, due Thursday 6 February 10:00, never ends (breached).</li>
 * <li>A: accepted Friday 28 February 10:00, due Wednesday 5 March 10:00, resolved Friday 14 March: late.</li>
 * <li>D: accepted Monday 3 March 10:00, due Thursday 6 March 10:00, withdrawn Thursday 20 March.</li>
 * <li>E: accepted Monday 17 March 10:00, resolved Tuesday 18 March: early.</li>
 * </ul>
 * February: nothing resolved; open at its end C (overdue) and A (within time): 1 / 2 = 50%.
 * March: A late and E early resolved, D withdrawn past its due, C still open and overdue:
 * 1 / (2 + 1 + 1) = 25%. Before this rule February read 0 / 1 (only C, accepted in it and open now)
 * and March 1 / 2 (D counted nowhere, C not in March at all).
 */
class PeriodBacklogTest {

    private static final LocalDate FIRST_KEPT = LocalDate.of(2024, 3, 1);
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 31);

    private final List<LedgerProbe> dossiers = List.of(
            probe().then("C", "HT-304", EventType.ACCEPTED, "2025-02-03T10:00:00+07:00")
                    .passTime("2025-03-31T20:00:00+07:00"),
            probe().then("A", "HT-304", EventType.ACCEPTED, "2025-02-28T10:00:00+07:00")
                    .then("A", "HT-304", EventType.RESOLVED, "2025-03-14T10:00:00+07:00"),
            probe().then("D", "HT-304", EventType.ACCEPTED, "2025-03-03T10:00:00+07:00")
                    .then("D", "HT-304", EventType.WITHDRAWN, "2025-03-20T10:00:00+07:00"),
            probe().then("E", "HT-304", EventType.ACCEPTED, "2025-03-17T10:00:00+07:00")
                    .then("E", "HT-304", EventType.RESOLVED, "2025-03-18T10:00:00+07:00"));

    private static LedgerProbe probe() {
        return new LedgerProbe(SlaEngine.standard());
    }

    private Tally sum(LocalDate from, LocalDate to) {
        Tally t = new Tally();
        dossiers.forEach(p -> t.merge(p.sum(from, to)));
        return t;
    }

    /** The rule as the view applies it: flows of the period, stock now, moves since the period. */
    private Tally period(LocalDate from, LocalDate to) {
        return PeriodTally.of(sum(from, to), sum(FIRST_KEPT, TODAY), to.isBefore(TODAY) ? sum(to.plusDays(1), TODAY) : null);
    }

    @Test
    void februarysBacklogIsReadAsItStoodAtItsEnd() {
        Tally feb = period(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28));
        assertEquals(1, feb.get(Measure.OPEN_ON_TIME), "A, accepted on the last day and due in March");
        assertEquals(1, feb.get(Measure.OPEN_OVERDUE), "C, breached on 6 February");
        assertEquals(0, feb.judgedResolved());
        assertEquals(0.5, Indicators.of(feb).onTime().value(), 1e-9);
    }

    @Test
    void marchCountsTheOldBacklogAndTheDossierWithdrawnPastItsDue() {
        Tally mar = period(LocalDate.of(2025, 3, 1), TODAY);
        assertEquals(1, mar.get(Measure.RESOLVED_LATE));
        assertEquals(1, mar.get(Measure.RESOLVED_EARLY));
        assertEquals(1, mar.get(Measure.ENDED_NO_RESULT_OVERDUE), "D");
        assertEquals(0, mar.get(Measure.OPEN_ON_TIME));
        assertEquals(1, mar.get(Measure.OPEN_OVERDUE), "C, accepted in February, still open");
        assertEquals(0.25, Indicators.of(mar).onTime().value(), 1e-9);
    }

    @Test
    void aDayInsideTheHistoryReadsTheStockOfThatDay() {
        // End of Wednesday 5 March: C overdue, A overdue since 10:00 that day, D within time (due 6 March).
        Tally day = period(LocalDate.of(2025, 3, 5), LocalDate.of(2025, 3, 5));
        assertEquals(1, day.get(Measure.OPEN_ON_TIME));
        assertEquals(2, day.get(Measure.OPEN_OVERDUE));
        // The stock now, by acceptance date, is C alone.
        Tally now = sum(FIRST_KEPT, TODAY);
        assertEquals(1, now.get(Measure.OPEN_OVERDUE));
        assertEquals(0, now.get(Measure.OPEN_ON_TIME));
    }
}
