package io.dossierpulse.faults;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ten kill -9 at seeded random moments over three minutes of load, of either of two instances, each
 * restarted at once (a kill can land while the instance is still restoring). The seed is printed;
 * {@code -Dfaults.seed=S} replays a run.
 */
@Tag("faults")
class RandomKillsIT {

    @Test
    void tenRandomKillsOverThreeMinutes() throws Exception {
        long seed = Long.getLong("faults.seed", System.nanoTime());
        System.out.println("RandomKillsIT seed " + seed + " (replay with -Dfaults.seed=" + seed + ")");
        Random random = new Random(seed);
        long[] at = new long[10];
        for (int i = 0; i < at.length; i++) {
            at[i] = 10_000 + (long) (random.nextDouble() * 160_000);
        }
        Arrays.sort(at);
        FaultTraffic traffic = new FaultTraffic("RK", 43_200, Duration.ofSeconds(10));
        try (FaultRig rig = new FaultRig("random-kills").startBroker().createTopics((short) 1)) {
            rig.start(0);
            rig.start(1);
            long worst = 0;
            try (Feeder feeder = new Feeder(rig.bootstrap(), "dossier.events", traffic.events(), 400).start()) {
                long t0 = System.currentTimeMillis();
                for (long when : at) {
                    long wait = t0 + when - System.currentTimeMillis();
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                    int slot = random.nextInt(2);
                    System.out.printf("RandomKillsIT kill -9 of instance %d at %d ms (seed %d)%n", slot, when, seed);
                    rig.kill(slot);
                    rig.launch(slot);
                }
                worst = Math.max(rig.awaitReady(0), rig.awaitReady(1));
                feeder.awaitAcknowledged(Duration.ofMinutes(3));
            }
            ClosedForm.check(traffic, rig.bootstrap(), rig.instance(0));
            FaultRig.report("two instances, ten kill -9 at random over 3 min (seed " + seed + ")", 10,
                    traffic.events().size(), "closed form holds", "≤ " + worst + " ms to ready after the last");
        }
    }
}
