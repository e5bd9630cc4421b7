package io.dossierpulse.domain.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateTest {

    @ParameterizedTest(name = "{0}/{1} = {2}")
    @CsvSource({"0, 4, 0.0", "1, 4, 0.25", "4, 4, 1.0", "3, 2, 1.5", "7, 8, 0.875"})
    void valueIsTheQuotient(long num, long den, double expected) {
        Rate r = Rate.of(num, den);
        assertEquals(num, r.numerator());
        assertEquals(den, r.denominator());
        assertEquals(expected, r.value());
        assertTrue(r.defined());
    }

    @ParameterizedTest(name = "{0}/{1} has no value")
    @CsvSource({"0, 0", "5, 0", "1, -1"})
    void noValueWithoutAPositiveDenominator(long num, long den) {
        Rate r = Rate.of(num, den);
        assertNull(r.value());
        assertFalse(r.defined());
        assertEquals(num, r.numerator());
    }

    @Test
    void constructorRefusesAValueThatDoesNotMatchTheCounts() {
        assertEquals(Rate.of(1, 2), new Rate(1, 2, 0.5));
        assertEquals(Rate.of(1, 0), new Rate(1, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new Rate(1, 2, 0.6));
        assertThrows(IllegalArgumentException.class, () -> new Rate(1, 2, null));
        assertThrows(IllegalArgumentException.class, () -> new Rate(0, 0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new Rate(0, 0, Double.NaN));
    }
}
