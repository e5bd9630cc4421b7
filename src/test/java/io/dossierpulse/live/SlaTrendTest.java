package io.dossierpulse.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dossierpulse.domain.sla.SlaEventType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlaTrendTest {

    @Test
    void countsByLocalHourOfTheDeadline() {
        SlaTrend trend = new SlaTrend(48);
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        // 23:30 UTC on 1 December is 06:30 on 2 December in Hanoi.
        trend.record(SlaEventType.BREACHED, Instant.parse("2026-12-01T23:30:00Z"), now);
        trend.record(SlaEventType.BREACHED, OffsetDateTime.parse("2026-12-02T06:59:59+07:00").toInstant(), now);
        trend.record(SlaEventType.AT_RISK, OffsetDateTime.parse("2026-12-02T07:00:00+07:00").toInstant(), now);
        // A deadline after now is not counted and does not move the window: yesterday stays.
        trend.record(SlaEventType.AT_RISK, now.plus(java.time.Duration.ofDays(40)), now);
        long six = SlaTrend.firstHourOf(LocalDate.of(2026, 12, 2)) + 6;
        assertEquals(2, trend.inHour(SlaEventType.BREACHED, six));
        assertEquals(0, trend.inHour(SlaEventType.AT_RISK, six));
        assertEquals(1, trend.inHour(SlaEventType.AT_RISK, six + 1));
        assertEquals(2, trend.onDate(SlaEventType.BREACHED, LocalDate.of(2026, 12, 2)));
        assertEquals(0, trend.onDate(SlaEventType.BREACHED, LocalDate.of(2026, 12, 1)));
        assertEquals(1, trend.onDate(SlaEventType.AT_RISK, LocalDate.of(2026, 12, 2)));
    }

    /** Against a map of every announcement, over the hours still in the window after the latest one. */
    @Test
    void matchesAPlainCountWithinTheWindow() {
        long seed = System.nanoTime();
        Random rnd = new Random(seed);
        int keep = 24;
        SlaTrend trend = new SlaTrend(keep);
        Map<Long, Long> reference = new HashMap<>();
        long base = SlaTrend.firstHourOf(LocalDate.of(2026, 1, 1));
        long newest = Long.MIN_VALUE;
        for (int i = 0; i < 5_000; i++) {
            long hour = base + i / 50 + rnd.nextInt(30) - 15; // mostly forward, sometimes late
            trend.record(SlaEventType.BREACHED, Instant.ofEpochSecond(hour * 3600 - 7 * 3600 + rnd.nextInt(3600)), Instant.MAX);
            reference.merge(hour, 1L, Long::sum);
            newest = Math.max(newest, hour);
        }
        for (long h = newest - keep + 16; h <= newest; h++) { // late arrivals reach at most 15 hours back
            assertEquals(reference.getOrDefault(h, 0L), trend.inHour(SlaEventType.BREACHED, h), "hour " + h + ", seed " + seed);
        }
    }
}
