package io.dossierpulse.faults;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two instances under load: kill -9 one and restart it, then the other; nothing lost, nothing twice. */
@Tag("faults")
class KillEachInstanceIT {

    @Test
    void killEachOfTwoInstancesInTurn() throws Exception {
        FaultTraffic traffic = new FaultTraffic("KE", 12_000, Duration.ofSeconds(30));
        try (FaultRig rig = new FaultRig("kill-each").startBroker().createTopics((short) 1)) {
            rig.start(0);
            rig.start(1);
            long worst = 0;
            try (Feeder feeder = new Feeder(rig.bootstrap(), "dossier.events", traffic.events(), 500).start()) {
                feeder.awaitProgress(0.25, Duration.ofMinutes(2));
                rig.kill(0);
                worst = Math.max(worst, rig.start(0));
                feeder.awaitProgress(0.6, Duration.ofMinutes(2));
                rig.kill(1);
                worst = Math.max(worst, rig.start(1));
                feeder.awaitAcknowledged(Duration.ofMinutes(3));
            }
            ClosedForm.check(traffic, rig.bootstrap(), rig.instance(1));
            FaultRig.report("two instances, kill -9 each in turn", 2, traffic.events().size(), "closed form holds",
                    "≤ " + worst + " ms to ready");
        }
    }
}
