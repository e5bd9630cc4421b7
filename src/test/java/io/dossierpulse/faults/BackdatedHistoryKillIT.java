package io.dossierpulse.faults;

import io.dossierpulse.support.KafkaBrokerResource;
import io.dossierpulse.support.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The demo's shape (the service and its embedded broker in one process) given a back-dated history
 * over HTTP, killed with SIGKILL the moment the last batch is answered, and restarted on the same
 * directories: the announcements and counters in the end are those of the closed form.
 */
@Tag("faults")
class BackdatedHistoryKillIT {

    /** The broker's transactions and their states, for the report of a restart that did not get ready. */
    private static String transactions(String bootstrap) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", bootstrap))) {
            var listed = admin.listTransactions().all().get(20, java.util.concurrent.TimeUnit.SECONDS);
            var ids = listed.stream().map(org.apache.kafka.clients.admin.TransactionListing::transactionalId).toList();
            return "transactions: " + admin.describeTransactions(ids).all().get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            return "transactions unknown: " + e;
        }
    }

    @Test
    void historyThenTheWholeDemoKilled() throws Exception {
        FaultTraffic traffic = new FaultTraffic("BH", 3_000, Duration.ofSeconds(120));
        Path dir = Files.createTempDirectory("pulse-fault-backdated");
        int httpPort = KafkaBrokerResource.freePort();
        int brokerPort = KafkaBrokerResource.freePort();
        Map<String, String> settings = Map.of("pulse.broker.port", Integer.toString(brokerPort),
                "pulse.broker.controller-port", Integer.toString(KafkaBrokerResource.freePort()),
                "pulse.broker.data-dir", dir.resolve("kafka").toString(), "pulse.view.retention-days", "3660",
                "pulse.broker.embedded", "true", "pulse.sla.idle-to-live", FaultRig.IDLE_TO_LIVE);
        ServiceProcess demo = ServiceProcess.start(null, dir.resolve("state"), httpPort, settings);
        demo.awaitReady(Duration.ofSeconds(120));
        try (HttpFeeder feeder = new HttpFeeder(demo, traffic.events(), 150, 1_000_000).start()) {
            feeder.awaitAnswered(traffic.events().size(), Duration.ofMinutes(3));
        }
        demo.kill();
        long t0 = System.nanoTime();
        try (ServiceProcess again = ServiceProcess.start(null, dir.resolve("state"), httpPort, settings)) {
            try {
                again.awaitReady(Duration.ofSeconds(120));
            } catch (IllegalStateException notReady) {
                throw new IllegalStateException(transactions("127.0.0.1:" + brokerPort), notReady);
            }
            long ready = (System.nanoTime() - t0) / 1_000_000;
            ClosedForm.check(traffic, "127.0.0.1:" + brokerPort, again);
            FaultRig.report("back-dated history over HTTP, then service and broker killed together", 1,
                    traffic.events().size(), "closed form holds", ready + " ms to ready (broker included)");
        }
    }
}
