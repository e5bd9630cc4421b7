package io.dossierpulse.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.indicators.Measure;
import io.dossierpulse.domain.indicators.Tally;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 6: a period spanning the 1 July 2025 reform answers in the structure of its last day
 * (docs/indicators.md, "Across the reform"). Phường Phúc Xá (Ba Đình) ended on 30 June 2025 and its
 * dossiers went to Phường Hồng Hà; Quận Ba Đình's own went to Phường Ba Đình.
 */
class ReformMappingTest {

    private final AgencyDirectory dir = AgencyDirectory.loadDefault();

    private static Tally received(long n) {
        return new Tally().add(Measure.RECEIVED_ONLINE, n);
    }

    private Map<String, Tally> rolled() {
        // Phúc Xá received 5 and the district's own desk 2, before the reform.
        return Map.of("P-BD-PHUCXA", received(5), "Q-BD", received(7), "HN", received(7));
    }

    private static Map<String, Tally> own() {
        return Map.of("P-BD-PHUCXA", received(5), "Q-BD", received(2));
    }

    @Test
    void endedAgenciesAlsoCountUnderTheirHoldersOnThePeriodsLastDay() {
        Map<String, Tally> out = CounterView.toHolders(rolled(), own(), LocalDate.of(2025, 12, 31), dir);
        assertEquals(5, out.get("P-HONGHA").get(Measure.RECEIVED_ONLINE));
        assertEquals(2, out.get("P-BADINH").get(Measure.RECEIVED_ONLINE));
        assertEquals(7, out.get("HN").get(Measure.RECEIVED_ONLINE), "the city counts each dossier once");
        assertEquals(5, out.get("P-BD-PHUCXA").get(Measure.RECEIVED_ONLINE), "the old agency keeps its figures");
    }

    @Test
    void aPeriodEndingBeforeTheReformIsAnsweredAsItWas() {
        Map<String, Tally> out = CounterView.toHolders(rolled(), own(), LocalDate.of(2025, 6, 30), dir);
        assertEquals(rolled().keySet(), out.keySet());
        assertFalse(out.containsKey("P-HONGHA"));
    }
}
