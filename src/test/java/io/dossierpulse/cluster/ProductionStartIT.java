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
