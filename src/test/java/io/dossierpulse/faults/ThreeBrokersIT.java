package io.dossierpulse.faults;

import io.dossierpulse.support.BrokerNode;
import io.dossierpulse.support.KafkaBrokerResource;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A three-broker KRaft cluster (replication 3, min.insync.replicas 2), events posted over HTTP, and
 * one broker killed with SIGKILL mid-run and brought back: every event answered 200 is applied.
 */
@Tag("faults")
class ThreeBrokersIT {

    @Test
    void oneOfThreeBrokersKilledAndBack() throws Exception {
        FaultTraffic traffic = new FaultTraffic("TB", 6_000, Duration.ofSeconds(60));
        int[] ports = {KafkaBrokerResource.freePort(), KafkaBrokerResource.freePort(), KafkaBrokerResource.freePort()};
        int[] controllers = {KafkaBrokerResource.freePort(), KafkaBrokerResource.freePort(), KafkaBrokerResource.freePort()};
        String clusterId = uuidForKafka();
        StringBuilder bootstrap = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            bootstrap.append(i == 0 ? "" : ",").append("127.0.0.1:").append(ports[i]);
        }
        BrokerNode[] nodes = new BrokerNode[3];
        // A POST may wait up to the ingest's max block (30 s) for a partition's new leader: the feed then
        // stalls that long, so a partition must be quiet for longer than that before it counts as caught up.
        try (FaultRig rig = new FaultRig("three-brokers").with("pulse.topics.replication-factor", "3")
                .with("pulse.sla.idle-to-live", "60S")) {
            Thread[] starting = new Thread[3];
            Exception[] failed = new Exception[3];
            for (int i = 0; i < 3; i++) {
                int n = i;
                // The nodes wait for each other's quorum: start them together.
                starting[i] = new Thread(() -> {
                    try {
                        nodes[n] = BrokerNode.start(rig.dir.resolve("node-" + (n + 1)), n + 1, ports, controllers, clusterId);
                    } catch (Exception e) {
                        failed[n] = e;
                    }
                });
                starting[i].start();
            }
            for (int i = 0; i < 3; i++) {
                starting[i].join();
                if (failed[i] != null) {
                    throw failed[i];
                }
            }
            rig.useBrokers(bootstrap.toString()).createTopics((short) 3);
            rig.start(0);
            int retries;
            long slowest;
            try (HttpFeeder feeder = new HttpFeeder(rig.instance(0), traffic.events(), 100, 300).start()) {
                while (feeder.answered() < traffic.events().size() / 3) {
                    Thread.sleep(50);
                }
                nodes[1].kill();
                Thread.sleep(15_000);
                nodes[1] = BrokerNode.start(rig.dir.resolve("node-2"), 2, ports, controllers, clusterId);
                feeder.awaitAnswered(traffic.events().size(), Duration.ofMinutes(4));
                retries = feeder.retries();
                slowest = feeder.slowestAnswerMs();
            }
            ClosedForm.check(traffic, rig.bootstrap(), rig.instance(0));
            // Created with three replicas, the service's topics and Kafka Streams' own need two in sync.
            assertMinInsync(rig.bootstrap(), "dossier.events", "dossier.sla-events", "dossier-pulse-dossiers-changelog");
            FaultRig.report("three brokers (RF 3, min ISR 2), kill -9 of one for 15 s; HTTP ingest", 1,
                    traffic.events().size(), "closed form holds; " + retries + " batches posted again",
                    "no outage; slowest ingest answer " + slowest + " ms");
        } finally {
            for (BrokerNode n : nodes) {
                if (n != null) {
                    n.close();
                }
            }
        }
    }

    private static void assertMinInsync(String bootstrap, String... topics) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                java.util.Map.of("bootstrap.servers", bootstrap))) {
            for (String topic : topics) {
                var resource = new org.apache.kafka.common.config.ConfigResource(
                        org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
                var config = admin.describeConfigs(java.util.List.of(resource)).all().get().get(resource);
                org.junit.jupiter.api.Assertions.assertEquals("2", config.get("min.insync.replicas").value(), topic);
            }
        }
    }

    private static String uuidForKafka() {
        return org.apache.kafka.common.Uuid.randomUuid().toString();
    }
}
