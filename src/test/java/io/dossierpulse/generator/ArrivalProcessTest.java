package io.dossierpulse.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArrivalProcessTest {

    private static final Instant MONDAY = Instant.parse("2025-01-05T17:00:00Z"); // 00:00 in Hanoi

    @Test
    void weeklyVolumeHoursAndChannels() {
        GeneratorConfig config = GeneratorConfig.defaults().withStart(MONDAY).withDossiersPerDay(5_000);
        ArrivalProcess arrivals = new ArrivalProcess(config, new SplittableRandom(17));
        long end = MONDAY.plus(Duration.ofDays(28)).toEpochMilli();
        long last = MONDAY.toEpochMilli();
        long total = 0;
        long online = 0;
        long desk = 0;
        long deskOutOfHours = 0;
        long onlineAtNight = 0;
        long onlineAtTen = 0;
        while (true) {
            long t = arrivals.next();
            if (t >= end) {
                break;
            }
            assertTrue(t >= last, "arrivals in order");
            last = t;
            total++;
            long hour = OfficeHours.timeOfDay(t) / OfficeHours.HOUR;
            if (arrivals.channel() == Channel.ONLINE) {
                online++;
                if (hour == 3) {
                    onlineAtNight++;
                } else if (hour == 10) {
                    onlineAtTen++;
                }
            } else {
                desk++;
                if (!OfficeHours.isOpen(t)) {
                    deskOutOfHours++;
                }
            }
        }
        // Poisson: 140,000 expected, standard deviation about 375
        assertEquals(140_000, total, 2_000);
        assertEquals(0.5971, online / (double) total, 0.005);
        assertEquals(0, deskOutOfHours, "desks receive only in office hours");
        assertTrue(desk > 0);
        assertTrue(onlineAtTen > 10 * onlineAtNight, "online is busiest by day: " + onlineAtTen + " vs " + onlineAtNight);
    }

    @Test
    void deskOnlyWhenNothingIsOnline() {
        GeneratorConfig config = GeneratorConfig.defaults().withStart(MONDAY).withChannels(0, 1);
        ArrivalProcess arrivals = new ArrivalProcess(config, new SplittableRandom(5));
        for (int i = 0; i < 10_000; i++) {
            long t = arrivals.next();
            assertTrue(OfficeHours.isOpen(t));
            assertEquals(Channel.POSTAL, arrivals.channel());
        }
    }
}
