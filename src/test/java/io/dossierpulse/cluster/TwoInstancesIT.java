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
        int viewA = KafkaBrokerResource.freePort();
        int viewB = KafkaBrokerResource.freePort();
        String members = "127.0.0.1[" + viewA + "],127.0.0.1[" + viewB + "]";
        first = ServiceProcess.start(broker.bootstrapServers(), dir.resolve("a"), view(viewA, members));
        first.awaitReady(Duration.ofSeconds(90));
        second = ServiceProcess.start(broker.bootstrapServers(), dir.resolve("b"), view(viewB, members));
        second.awaitReady(Duration.ofSeconds(90));
    }

    /** The serving view replicated between the two instances (JGroups on loopback). */
    private static Map<String, String> view(int port, String members) {
        return Map.of("pulse.view.mode", "REPLICATED", "pulse.view.bind-port", Integer.toString(port),
                "pulse.view.port-range", "0", "pulse.view.initial-hosts", members,
                "pulse.view.cluster-name", "two-instances-" + members.hashCode(),
                "pulse.view.retention-days", "3660", "pulse.cluster.secret", "two-instances-secret");
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
                    .append("\"agencyCode\":\"Q-BD\",\"procedureCode\":\"HT-304\",\"channel\":\"ONLINE\"}\n");
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

        // A client cannot mark its request forwarded: the instance that does not hold the dossier
        // still forwards it (a forged mark would have made it answer 404 from its own store).
        for (int i = 1; i <= DOSSIERS; i++) {
            for (ServiceProcess instance : new ServiceProcess[] {first, second}) {
                HttpResponse<String> r = instance.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(instance.url("/api/dossiers/TWO-" + i + "?forwarded=true")))
                        .header("Authorization", io.dossierpulse.support.TestTokens.bearer(
                                io.dossierpulse.security.Roles.OPERATOR))
                        .header("X-Pulse-Forwarded", "true").GET().build());
                assertEquals(200, r.statusCode(), "TWO-" + i + " on port " + instance.port() + ": " + r.body());
            }
        }
        // The citizen lookup answers from either instance too, with no token.
        HttpResponse<String> lookup = second.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(second.url("/api/lookup/TWO-1"))).GET().build());
        assertEquals(200, lookup.statusCode(), lookup.body());
        assertTrue(lookup.body().contains("\"status\":\"ACCEPTED\""), lookup.body());

        // All 40 dossiers of 12 March 2025 are long overdue: once announced, the merged list holds them all.
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String overdue = "";
        while (System.nanoTime() < until && count(overdue, "\"dossierId\"") < DOSSIERS) {
            Thread.sleep(300);
            overdue = second.get("/api/agencies/Q-BD/overdue?size=100").body();
        }
        assertEquals(DOSSIERS, count(overdue, "\"dossierId\""), overdue);

        // Statistics: each instance answers from its replica of the view, without asking the other.
        for (String path : new String[] {"/api/stats/city?from=2025-03-12&to=2025-03-12",
            "/api/agencies/Q-BD/stats?from=2025-03-12&to=2025-03-12",
            "/api/indicators?level=DISTRICT&from=2025-03-12&to=2025-03-12", "/api/agencies/Q-BD/overdue"}) {
            String a = awaitBody(first, path, "\"received\":" + DOSSIERS);
            String b = awaitBody(second, path, a);
            assertTrue(sameAnswer(a, b), "both instances answer the same for " + path + ": " + a + " / " + b);
        }
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    /** Polls until the body contains the text (or equals it, when it is a whole JSON body). */
    private static String awaitBody(ServiceProcess instance, String path, String expected) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String body = "";
        while (System.nanoTime() < until) {
            HttpResponse<String> r = instance.get(path);
            body = r.body();
            boolean whole = expected.startsWith("{");
            if (r.statusCode() == 200 && (whole ? sameAnswer(body, expected) : !path.contains("stats") || body.contains(expected))) {
                return body;
            }
            Thread.sleep(300);
        }
        throw new AssertionError(path + " on port " + instance.port() + " never answered " + expected + "; last: " + body);
    }

    /**
     * Equal bodies, but for the overdue working time, which is "as of now": during office hours two
     * answers a minute apart differ there (this failed CI once, 207,711 against 207,712 minutes).
     */
    private static boolean sameAnswer(String a, String b) {
        String now = "\"overdueWorkingMinutes\":[0-9]+";
        return a.replaceAll(now, "\"overdueWorkingMinutes\":_").equals(b.replaceAll(now, "\"overdueWorkingMinutes\":_"));
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
