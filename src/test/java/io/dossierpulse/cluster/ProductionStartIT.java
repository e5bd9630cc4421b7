package io.dossierpulse.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.support.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged service in its production profile does not quietly start a broker of its own. */
class ProductionStartIT {

    /** Set by the build: whether this package was built with the broker (-Pdemo, -Pfaults) or not. */
    private static final boolean EMBEDS_BROKER = Boolean.getBoolean("pulse.service.embeds-broker");

    @Test
    void theProductionPackageLeavesTheBrokerOutAndSaysSoWhenAskedForOne() throws Exception {
        Path lib = Path.of(System.getProperty("pulse.service.jar", "target/quarkus-app/quarkus-run.jar"))
                .resolveSibling("lib").resolve("main");
        java.util.List<String> jars;
        try (var files = Files.list(lib)) {
            jars = files.map(f -> f.getFileName().toString()).toList();
        }
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("org.apache.kafka.kafka-streams-")), "the clients are in: " + jars);
        for (String broker : new String[] {"org.apache.kafka.kafka_2.13-", "org.apache.kafka.kafka-server-",
                "org.apache.kafka.kafka-metadata-"}) {
            assertEquals(EMBEDS_BROKER, jars.stream().anyMatch(j -> j.startsWith(broker)), broker + " in " + jars);
        }
        if (!EMBEDS_BROKER) {
            // Asked for a broker of its own anyway: it says what to do instead of failing obscurely.
            Path dir = Files.createTempDirectory("pulse-no-broker");
            ServiceProcess service = ServiceProcess.start(null, dir.resolve("state"), 0,
                    Map.of("pulse.broker.embedded", "true", "pulse.broker.data-dir", dir.resolve("kafka").toString()));
            assertEquals(2, service.awaitExit(Duration.ofSeconds(60)));
            String log = Files.readString(service.log());
            assertTrue(log.contains("has no embedded Kafka broker") && log.contains("-Pdemo"), log);
        }
    }

    @Test
    void withoutBootstrapServersProductionRefusesToStartAndSaysWhy() throws Exception {
        Path dir = Files.createTempDirectory("pulse-prod-start");
        ServiceProcess service = ServiceProcess.start(null, dir.resolve("state"), 0, Map.of());
        assertEquals(2, service.awaitExit(Duration.ofSeconds(60)));
        String log = Files.readString(service.log());
        assertTrue(log.contains("No Kafka cluster configured") && log.contains("KAFKA_BOOTSTRAP_SERVERS"), log);
        assertTrue(!log.contains("Embedded Kafka broker listening"), "no broker was started: " + log);
    }
}
