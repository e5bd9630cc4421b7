package io.dossierpulse.domain.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Decision766Test {

    @ParameterizedTest(name = "max {0}, value {1}, full at {2}: {3}")
    @CsvSource({
        // full at 50%: 0, below, at, above, 100%
        "12, 0.0,  0.5, 0.0",
        "12, 0.25, 0.5, 6.0",
        "12, 0.5,  0.5, 12.0",
        "12, 0.75, 0.5, 12.0",
        "12, 1.0,  0.5, 12.0",
        // full at 100%: plain max x rate
        "20, 0.0,  1.0, 0.0",
        "20, 0.5,  1.0, 10.0",
        "20, 1.0,  1.0, 20.0",
        // full at 80%
        "22, 0.4,  0.8, 11.0",
        "22, 0.8,  0.8, 22.0",
        "22, 0.9,  0.8, 22.0",
        // inconsistent counts never give negative points, nor more than the maximum
        "6, -0.5,  0.9, 0.0",
        "10, 1.5,  1.0, 10.0",
    })
    void linearBelowTheThresholdFullAtOrAbove(double max, double value, double fullAt, double expected) {
        assertEquals(expected, Decision766.points(max, value, fullAt), 1e-12);
    }

    @Test
    void computableAndNonComputableGroupsMakeOneHundred() {
        assertEquals(70.0, Decision766.COMPUTABLE_MAX);
        assertEquals(100.0, Decision766.COMPUTABLE_MAX + Decision766.TRANSPARENCY_POINTS + Decision766.FEEDBACK_POINTS);
        // the published groups: online services 12 + payment 10 = 22; satisfaction 6 + 12 = 18
        assertEquals(22.0, Decision766.ONLINE_SUBMISSION_POINTS + Decision766.ONLINE_PAYMENT_POINTS);
        assertEquals(18.0, Decision766.HANDLING_SATISFACTION_POINTS + Decision766.FEEDBACK_POINTS);
        assertEquals(0.0, Decision766.COMPLAINT_RATE);
    }
}
