package io.dossierpulse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientRateLimitTest {

    private static final long T0 = 1_700_000_000_000L / 60_000 * 60_000; // a window's start

    @Test
    void eachClientHasItsAllowancePerMinute() {
        ClientRateLimit limit = new ClientRateLimit(3, 100);
        for (int i = 0; i < 3; i++) {
            assertTrue(limit.allow("10.0.0.1", T0 + i));
        }
        assertFalse(limit.allow("10.0.0.1", T0 + 10));
        assertTrue(limit.allow("10.0.0.2", T0 + 11), "another client is not affected");
        assertTrue(limit.allow("10.0.0.1", T0 + 60_000), "a new window, a new allowance");
        assertEquals(60, ClientRateLimit.secondsToNextWindow(T0));
        assertEquals(1, ClientRateLimit.secondsToNextWindow(T0 + 59_500));
    }

    @Test
    void clientsBeyondTheTrackedBoundShareOneAllowance() {
        ClientRateLimit limit = new ClientRateLimit(2, 2);
        assertTrue(limit.allow("a", T0));
        assertTrue(limit.allow("b", T0));
        // The table is full: c, d and e share one allowance of 2.
        assertTrue(limit.allow("c", T0));
        assertTrue(limit.allow("d", T0));
        assertFalse(limit.allow("e", T0));
        assertTrue(limit.allow("a", T0), "tracked clients keep their own");
    }
}
