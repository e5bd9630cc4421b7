package io.dossierpulse.faults;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An instance frozen (SIGSTOP) beyond its session and transaction timeouts while the other takes its
 * tasks, then thawed (SIGCONT): the zombie's producer is fenced and nothing it held is applied twice.
 */
@Tag("faults")
class ZombieInstanceIT {

    @Test
    void aFrozenInstanceIsFencedWhenItWakesUp() throws Exception {
        FaultTraffic traffic = new FaultTraffic("ZB", 12_000, Duration.ofSeconds(30));
        try (FaultRig rig = new FaultRig("zombie").with("kafka-streams.session.timeout.ms", "10000")
                .with("kafka-streams.producer.transaction.timeout.ms", "10000")
                .startBroker().createTopics((short) 1)) {
            rig.start(0);
            rig.start(1);
            long thawedToReady;
            try (Feeder feeder = new Feeder(rig.bootstrap(), "dossier.events", traffic.events(), 400).start()) {
                feeder.awaitProgress(0.3, Duration.ofMinutes(2));
                rig.instance(0).signal("STOP");
                Thread.sleep(25_000);
                rig.instance(0).signal("CONT");
                thawedToReady = rig.awaitReady(0);
                feeder.awaitAcknowledged(Duration.ofMinutes(3));
            }
            ClosedForm.check(traffic, rig.bootstrap(), rig.instance(0));
            FaultRig.report("SIGSTOP 25 s (session and transaction timeouts 10 s), then SIGCONT", 1,
                    traffic.events().size(), "closed form holds", thawedToReady + " ms from SIGCONT to ready");
        }
    }
}
