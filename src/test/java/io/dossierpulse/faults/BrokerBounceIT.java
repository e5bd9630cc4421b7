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
            int notReadyDuringOutage;
            int probesDuringOutage;
            try (Feeder feeder = new Feeder(rig.bootstrap(), "dossier.events", traffic.events(), 500).start()) {
                feeder.awaitProgress(0.35, Duration.ofMinutes(2));
                rig.stopBroker();
                int notReady = 0;
                int probes = 0;
                long outageEnds = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (System.nanoTime() < outageEnds) {
                    probes++;
                    notReady += ready(rig) ? 0 : 1;
                    Thread.sleep(500);
                }
                probesDuringOutage = probes;
                notReadyDuringOutage = notReady;
                rig.startBroker(); // the same directory and ports
                long t0 = System.nanoTime();
                // Ready means Kafka Streams is RUNNING again and the SLA feed follows its topic.
                awaitServing(rig);
                readyAgain = (System.nanoTime() - t0) / 1_000_000;
                feeder.awaitAcknowledged(Duration.ofMinutes(3));
            }
            ClosedForm.check(traffic, rig.bootstrap(), rig.instance(0));
            FaultRig.report("broker stopped 10 s and restarted (EOS v2)", 1, traffic.events().size(),
                    "closed form holds", "not ready in " + notReadyDuringOutage + " of " + probesDuringOutage
                            + " probes during the outage; ready "
                            + readyAgain + " ms after the broker restarted");
        }
    }

    /** A readiness probe as Kubernetes makes it: no answer within its timeout is not ready. */
    private static boolean ready(FaultRig rig) throws InterruptedException {
        try {
            return rig.instance(0).get("/q/health/ready", Duration.ofSeconds(2)).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void awaitServing(FaultRig rig) throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < until) {
            if (ready(rig)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready 2 minutes after the broker came back");
    }
}
