package io.dossierpulse.faults;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One instance, then three under load, then one again (graceful stops, as a scale-down does). */
@Tag("faults")
class ScaleOutAndInIT {

    @Test
    void scaleOneToThreeToOne() throws Exception {
        FaultTraffic traffic = new FaultTraffic("SC", 12_000, Duration.ofSeconds(30));
        try (FaultRig rig = new FaultRig("scale").startBroker().createTopics((short) 1)) {
            rig.start(0);
            long worst;
            try (Feeder feeder = new Feeder(rig.bootstrap(), "dossier.events", traffic.events(), 400).start()) {
                feeder.awaitProgress(0.25, Duration.ofMinutes(2));
                rig.launch(1);
                rig.launch(2);
                worst = Math.max(rig.awaitReady(1), rig.awaitReady(2));
                feeder.awaitProgress(0.7, Duration.ofMinutes(3));
                rig.stop(1);
                rig.stop(2);
                feeder.awaitAcknowledged(Duration.ofMinutes(3));
            }
            ClosedForm.check(traffic, rig.bootstrap(), rig.instance(0));
            FaultRig.report("scale 1 → 3 → 1 under load", 1, traffic.events().size(), "closed form holds",
                    "≤ " + worst + " ms for a new instance to be ready");
        }
    }
}
