package io.dossierpulse.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.DossierEvent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The pending queue holds open dossiers only: over a long run its size levels off at about
 * arrival rate x lifetime instead of growing with the number of events emitted.
 */
class TrafficGeneratorMemoryTest {

    @Test
    void pendingQueueStaysBoundedOverALongRun() {
        double perDay = 2_000;
        GeneratorConfig config = GeneratorConfig.defaults().withSeed(3).withDossiersPerDay(perDay);
        TrafficGenerator g = TrafficGenerator.hanoi(config);
        Instant start = config.start();
        Instant warm = start.plus(Duration.ofDays(40));
        Instant middle = start.plus(Duration.ofDays(120));
        Instant end = start.plus(Duration.ofDays(200));
        int firstPeak = 0;
        int secondPeak = 0;
        long events = 0;
        while (true) {
            DossierEvent e = g.next();
            events++;
            if (events % 1_000 != 0) {
                continue;
            }
            Instant now = e.occurredAt();
            if (now.isAfter(end)) {
                break;
            }
            if (now.isAfter(middle)) {
                secondPeak = Math.max(secondPeak, g.openDossiers());
            } else if (now.isAfter(warm)) {
                firstPeak = Math.max(firstPeak, g.openDossiers());
            }
        }
        assertTrue(events > 2_000_000, "a long run: " + events);
        assertTrue(firstPeak > 0, "measured");
        assertTrue(secondPeak < firstPeak * 1.25, "no growth: " + firstPeak + " then " + secondPeak);
        assertTrue(g.peakOpenDossiers() < perDay * 20,
                "open dossiers stay within about three weeks of arrivals: " + g.peakOpenDossiers());
    }
}
