package io.dossierpulse.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.broker.EmbeddedKafkaBroker;
import io.dossierpulse.support.KafkaBrokerResource;
import io.dossierpulse.support.ServiceProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service share the partitions of one real broker. Each instance must
 * answer a lookup for every dossier, whichever of them owns it, and both must answer the same.
 */
class TwoInstancesIT {

    private static final int DOSSIERS = 40;
    private static EmbeddedKafkaBroker broker;
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("pulse-two-instances");
        broker = EmbeddedKafkaBroker.start(dir.resolve("broker"), "127.0.0.1", KafkaBrokerResource.freePort(),
                KafkaBrokerResource.freePort());
        first = ServiceProcess.start(broker.bootstrapServers(), dir.resolve("a"), Map.of());
        first.awaitReady(Duration.ofSeconds(90));
        second = ServiceProcess.start(broker.bootstrapServers(), dir.resolve("b"), Map.of());
        second.awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() throws Exception {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyInstanceAnswersForEveryDossierAndTheySayTheSame() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= DOSSIERS; i++) {
            body.append("{\"eventId\":\"two-").append(i).append("\",\"dossierId\":\"TWO-").append(i)
                    .append("\",\"seq\":1,\"type\":\"ACCEPTED\",\"occurredAt\":\"2025-03-12T10:00:00+07:00\",")
                    .append("\"agencyCode\":\"Q-BD\",\"procedureCode\":\"HT-201\",\"channel\":\"ONLINE\"}\n");
        }
        HttpResponse<String> ingest = first.post("/api/events", "application/x-ndjson", body.toString());
        assertEquals(200, ingest.statusCode(), ingest.body());
        assertTrue(ingest.body().contains("\"accepted\":" + DOSSIERS), ingest.body());

        for (int i = 1; i <= DOSSIERS; i++) {
            String path = "/api/dossiers/TWO-" + i;
            String a = awaitFound(first, path);
            String b = awaitFound(second, path);
            assertEquals(a, b, "both instances answer the same for " + path);
            assertTrue(a.contains("\"dossierId\":\"TWO-" + i + "\""), a);
        }
        assertEquals(404, first.get("/api/dossiers/TWO-none").statusCode());
        assertEquals(404, second.get("/api/dossiers/TWO-none").statusCode());
    }

    private static String awaitFound(ServiceProcess instance, String path) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> r = instance.get(path);
        while (r.statusCode() != 200 && System.nanoTime() < until) {
            Thread.sleep(200);
            r = instance.get(path);
        }
        assertEquals(200, r.statusCode(), path + " on port " + instance.port() + ": " + r.body());
        return r.body();
    }
}
