package io.dossierpulse.faults;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The broker stopped mid-run and started again (same directory and ports) under exactly_once_v2. */
@Tag("faults")
class BrokerBounceIT {

    @Test
    void theBrokerGoesAwayAndComesBack() throws Exception {
        FaultTraffic traffic = new FaultTraffic("BB", 9_000, Duration.ofSeconds(40));
        try (FaultRig rig = new FaultRig("broker-bounce").startBroker().createTopics((short) 1)) {
            rig.start(0);
            long readyAgain;
            try (Feeder feeder = new Feeder(rig.bootstrap(), "dossier.events", traffic.events(), 500).start()) {
                feeder.awaitProgress(0.35, Duration.ofMinutes(2));
                rig.stopBroker();
                Thread.sleep(10_000);
                rig.restartBroker();
                long t0 = System.nanoTime();
                // Ready means Kafka Streams is RUNNING again and the SLA feed follows its topic.
                awaitServing(rig);
                readyAgain = (System.nanoTime() - t0) / 1_000_000;
                feeder.awaitAcknowledged(Duration.ofMinutes(3));
            }
            ClosedForm.check(traffic, rig.bootstrap(), rig.instance(0));
            FaultRig.report("broker stopped 10 s and restarted (EOS v2)", 1, traffic.events().size(),
                    "closed form holds", readyAgain + " ms after the broker restarted");
        }
    }

    private static void awaitServing(FaultRig rig) throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < until) {
            if (rig.instance(0).get("/q/health/ready").statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready 2 minutes after the broker came back");
    }
}
