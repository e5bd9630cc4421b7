package io.dossierpulse.domain.dossier;

import static io.dossierpulse.domain.dossier.LedgerProbe.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.indicators.Indicators;
import io.dossierpulse.domain.indicators.Measure;
import io.dossierpulse.domain.indicators.Tally;
import io.dossierpulse.domain.sla.Outcome;
import io.dossierpulse.domain.sla.SlaClock;
import io.dossierpulse.domain.sla.SlaEngine;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 5, worked examples (docs/domain.md, "SLA untracked"): XX-LOCAL is not in the catalog.
 * Accepted Wednesday 12 March 2025 10:00 without a {@code dueAt}, a dossier has no due: it is counted
 * "SLA untracked", never on time nor late, until an event brings a {@code dueAt}, which starts its
 * clock from acceptance.
 */
class UntrackedDossierTest {

    private static final LocalDate WED = LocalDate.of(2025, 3, 12);
    private static final LocalDate MON = LocalDate.of(2025, 3, 17);

    private final LedgerProbe probe = new LedgerProbe(SlaEngine.standard());

    @Test
    void withoutADueADossierIsNeitherOnTimeNorLate() {
        probe.then("U", "XX-LOCAL", EventType.ACCEPTED, "2025-03-12T10:00:00+07:00");
        assertNull(probe.state().clock());
        assertEquals(1, probe.on(WED).get(Measure.OPEN_UNTRACKED));
        assertEquals(0, probe.on(WED).get(Measure.OPEN_ON_TIME));
        assertEquals(SlaClock.NONE, probe.ledger().deadlineSecond(probe.state(), Deadline.DUE));

        probe.then("U", "XX-LOCAL", EventType.RESOLVED, "2025-03-17T10:00:00+07:00");
        assertEquals(Outcome.UNTRACKED, probe.state().outcome());
        Tally mon = probe.on(MON);
        assertEquals(1, mon.get(Measure.RESOLVED_UNTRACKED));
        assertEquals(0, mon.get(Measure.RESOLVED_ON_TIME) + mon.get(Measure.RESOLVED_EARLY) + mon.get(Measure.RESOLVED_LATE));
        assertEquals(1, mon.get(Measure.ENDED), "still a dossier ended with a result");
        assertEquals(0, probe.on(WED).get(Measure.OPEN_UNTRACKED), "left the untracked stock");
        assertEquals(List.of(), probe.announced());

        Tally all = probe.total();
        assertEquals(1, all.resolved(), "counted among the resolved");
        assertEquals(0, all.judgedResolved());
        Indicators i = Indicators.of(all);
        assertFalse(i.onTime().defined(), "in neither the on-time rate's numerator nor its denominator");
        assertFalse(i.late().defined());
    }

    /**
     * A dueAt on a later event (Thursday 13 March 10:00, promising Friday 14 March 17:00) starts the
     * clock from acceptance: the dossier moves from the untracked stock to the on-time one under its
     * acceptance date, is breached at Friday 17:00 and resolved late on Monday.
     */
    @Test
    void aLaterDueStartsTheClockFromAcceptance() {
        probe.then("L", "XX-LOCAL", EventType.ACCEPTED, "2025-03-12T10:00:00+07:00")
                .then("L", "XX-LOCAL", EventType.PROCESSING, "2025-03-13T10:00:00+07:00",
                        at("2025-03-14T17:00:00+07:00"), null);
        SlaClock c = probe.state().clock();
        assertEquals(at("2025-03-12T10:00:00+07:00"), c.clockStart());
        assertEquals(at("2025-03-14T17:00:00+07:00"), c.dueAt());
        assertEquals(0, probe.on(WED).get(Measure.OPEN_UNTRACKED));
        assertEquals(1, probe.on(WED).get(Measure.OPEN_ON_TIME));

        probe.then("L", "XX-LOCAL", EventType.RESOLVED, "2025-03-17T10:00:00+07:00");
        // At risk one working day (480 minutes) before the due: Thursday 17:00.
        assertEquals(List.of("AT_RISK@" + at("2025-03-13T17:00:00+07:00"), "BREACHED@" + at("2025-03-14T17:00:00+07:00"),
                "RESOLVED_LATE@" + at("2025-03-17T10:00:00+07:00")), probe.announced());
        assertEquals(Outcome.LATE, probe.state().outcome());
        assertEquals(1, probe.on(MON).get(Measure.RESOLVED_LATE));
        assertEquals(0, probe.on(MON).get(Measure.RESOLVED_UNTRACKED));
        Tally wed = probe.on(WED);
        assertEquals(0, wed.get(Measure.OPEN_ON_TIME) + wed.get(Measure.OPEN_OVERDUE) + wed.get(Measure.OPEN_UNTRACKED),
                "every stock the dossier passed through is left");
    }

    @Test
    void aWithdrawnUntrackedDossierLeavesTheUntrackedStock() {
        probe.then("W", "XX-LOCAL", EventType.ACCEPTED, "2025-03-12T10:00:00+07:00")
                .then("W", "XX-LOCAL", EventType.WITHDRAWN, "2025-03-13T10:00:00+07:00");
        assertEquals(Outcome.UNTRACKED, probe.state().outcome());
        assertEquals(0, probe.on(WED).get(Measure.OPEN_UNTRACKED));
        assertEquals(1, probe.total().get(Measure.WITHDRAWN));
    }

    /**
     * A due already past when it arrives (Monday 17 March, promising Friday 14 March 17:00): the
     * dossier moves from the untracked stock straight to the overdue one on Monday, and the breach is
     * still announced, dated at the due, without a second move. Read at the end of Friday it was
     * untracked; at the end of Monday overdue: no stock is ever negative. Its at-risk instant, Thursday
 * 17:00, has passed too and is announced with it.
     */
    @Test
    void aDueAlreadyPastGoesStraightToTheOverdueStock() {
        probe.then("P", "XX-LOCAL", EventType.ACCEPTED, "2025-03-12T10:00:00+07:00")
                .then("P", "XX-LOCAL", EventType.PROCESSING, "2025-03-17T10:00:00+07:00",
                        at("2025-03-14T17:00:00+07:00"), null)
                .passTime("2025-03-17T11:00:00+07:00");
        assertEquals(List.of("AT_RISK@" + at("2025-03-13T17:00:00+07:00"), "BREACHED@" + at("2025-03-14T17:00:00+07:00")),
                probe.announced(), "both passed deadlines, each once");
        assertEquals(1, probe.on(WED).get(Measure.OPEN_OVERDUE));
        assertEquals(0, probe.on(WED).get(Measure.OPEN_ON_TIME) + probe.on(WED).get(Measure.OPEN_UNTRACKED));
        assertEquals(1, probe.on(MON).get(Measure.MOVED_OPEN_OVERDUE));
        assertEquals(-1, probe.on(MON).get(Measure.MOVED_OPEN_UNTRACKED));
        assertEquals(0, probe.on(LocalDate.of(2025, 3, 14)).get(Measure.MOVED_OPEN_ON_TIME), "no move before it entered a stock");
        probe.then("P", "XX-LOCAL", EventType.RESOLVED, "2025-03-18T10:00:00+07:00");
        Tally all = probe.total();
        assertEquals(0, all.get(Measure.OPEN_OVERDUE) + all.get(Measure.OPEN_ON_TIME) + all.get(Measure.OPEN_UNTRACKED));
        assertEquals(1, all.get(Measure.RESOLVED_LATE));
    }

    /** A dossier stored before the untracked stock existed was counted on time and leaves from there. */
    @Test
    void aStateFromBeforeTheUntrackedStockLeavesTheOnTimeStock() {
        probe.then("O", "XX-LOCAL", EventType.ACCEPTED, "2025-03-12T10:00:00+07:00");
        DossierState old = probe.state().withSla(null, probe.state().flags() & ~DossierState.Flag.COUNTED_UNTRACKED, null);
        LedgerProbe replay = new LedgerProbe(SlaEngine.standard()).resume(old, 1);
        replay.then("O", "XX-LOCAL", EventType.RESOLVED, "2025-03-17T10:00:00+07:00");
        assertEquals(-1, replay.on(WED).get(Measure.OPEN_ON_TIME));
        assertEquals(0, replay.on(WED).get(Measure.OPEN_UNTRACKED));
    }
}
