package io.dossierpulse.domain.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.indicators.Indicators;
import io.dossierpulse.domain.indicators.Measure;
import io.dossierpulse.domain.indicators.Tally;
import io.dossierpulse.domain.sla.Outcome;
import io.dossierpulse.domain.sla.SlaEngine;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 8, worked examples (docs/domain.md, "Committed times"). HT-314 (27 working days) has
 * a committed time of 3 working days in the wards of Nam Từ Liêm from 1 March 2016 (seed 000);
 * accepted at Phường Cầu Diễn on Wednesday 12 March 2025 10:00, it is committed for Monday 17 March
 * 10:00 and statutorily due Monday 21 April 10:00.
 */
class CommittedTimeTest {

    private static LedgerProbe accepted(String id, String agency) {
        return new LedgerProbe(SlaEngine.standard()).receivedBy(agency)
                .then(id, "HT-314", EventType.ACCEPTED, "2025-03-12T10:00:00+07:00");
    }

    private static long within(LedgerProbe p) {
        return p.total().get(Measure.RESOLVED_WITHIN_COMMITMENT);
    }

    private static long beyond(LedgerProbe p) {
        return p.total().get(Measure.RESOLVED_BEYOND_COMMITMENT);
    }

    @Test
    void aDossierIsJudgedAgainstTheCommitmentBesideTheLaw() {
        LedgerProbe kept = accepted("K", "P-NTL-CAUDIEN").then("K", "HT-314", EventType.RESOLVED,
                "2025-03-14T10:00:00+07:00");
        assertEquals(1, within(kept));
        assertEquals(0, beyond(kept));
        LedgerProbe missed = accepted("M", "P-NTL-CAUDIEN").then("M", "HT-314", EventType.RESOLVED,
                "2025-03-18T10:00:00+07:00");
        assertEquals(0, within(missed));
        assertEquals(1, beyond(missed));
        assertEquals(Outcome.EARLY, missed.state().outcome(), "the law's outcome is untouched: 5 weeks early");
        assertEquals(1, missed.total().get(Measure.RESOLVED_EARLY));

        Tally both = kept.total().merge(missed.total());
        Indicators i = Indicators.of(both);
        assertEquals(0.5, i.withinCommitment().value(), 1e-9);
        assertEquals(1.0, i.onTime().value(), 1e-9, "the 766 indicator keeps the statutory basis");
    }

    /** A supplement round Thursday 13 March 10:00 to Monday 17 March 10:00 (2 working days) moves the commitment to Wednesday 19 March 10:00. */
    @Test
    void aPauseMovesTheCommitmentAsItMovesTheStatutoryDue() {
        for (String[] c : new String[][] {{"2025-03-19T09:00:00+07:00", "1"}, {"2025-03-19T11:00:00+07:00", "0"}}) {
            LedgerProbe p = accepted("P", "P-NTL-METRI")
                    .then("P", "HT-314", EventType.SUPPLEMENT_REQUESTED, "2025-03-13T10:00:00+07:00")
                    .then("P", "HT-314", EventType.SUPPLEMENT_RECEIVED, "2025-03-17T10:00:00+07:00")
                    .then("P", "HT-314", EventType.RESOLVED, c[0]);
            assertEquals(Long.parseLong(c[1]), within(p), c[0]);
            assertEquals(1 - Long.parseLong(c[1]), beyond(p), c[0]);
        }
    }

    @Test
    void onlyWhereAndWhenTheCommitmentHolds() {
        LedgerProbe elsewhere = accepted("E", "P-BD-PHUCXA").then("E", "HT-314", EventType.RESOLVED,
                "2025-03-14T10:00:00+07:00");
        assertEquals(0, within(elsewhere) + beyond(elsewhere), "Ba Đình made no commitment");
        LedgerProbe before = new LedgerProbe(SlaEngine.standard()).receivedBy("P-NTL-CAUDIEN")
                .then("B", "HT-314", EventType.ACCEPTED, "2016-02-24T10:00:00+07:00")
                .then("B", "HT-314", EventType.RESOLVED, "2016-02-25T10:00:00+07:00");
        assertEquals(0, within(before) + beyond(before), "accepted before the pilot began on 1 March 2016");
    }
}
