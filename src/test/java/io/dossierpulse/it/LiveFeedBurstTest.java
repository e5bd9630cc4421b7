package io.dossierpulse.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.security.Roles;
import io.dossierpulse.support.KafkaBrokerResource;
import io.dossierpulse.support.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live SLA stream on a real broker: a scan announcing a burst of breaches at once reaches a
 * subscriber whole, in order, with no reset; after a disconnection, Last-Event-ID brings exactly
 * the events announced meanwhile.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class LiveFeedBurstTest {

    private static final Pattern DOSSIER = Pattern.compile("\"dossierId\":\"([^\"]+)\"");

    /** What one subscription got: SLA events' dossiers (of one prefix) in order, their ids, resets. */
    record Received(List<String> dossiers, List<String> ids, int resets) {
    }

    @BeforeEach
    void ready() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    private static void accept(String prefix, int count, Instant due) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Instant accepted = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        EventCodec codec = new EventCodec();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                String id = prefix + i;
                // Not in the catalog: the source's due is judged, all of them at the same second.
                producer.send(new ProducerRecord<>("dossier.events", id, codec.encode(new DossierEvent(id + "-a", id, 1,
                        EventType.ACCEPTED, accepted, "P-HOANKIEM", "XX-BURST", Channel.ONLINE, due, null, null, null,
                        null, null, null))));
            }
            producer.flush();
        }
    }

    /** Opens the stream: returned once the service answered, so the subscription exists. */
    private static HttpResponse<java.io.InputStream> subscribe(String lastEventId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + io.restassured.RestAssured.port
                + "/api/sla-events/stream")).header("Accept", "text/event-stream")
                .header("Authorization", TestTokens.bearer(Roles.OPERATOR));
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        return r;
    }

    /** Reads a stream until {@code expected} BREACHED events of the prefix came, or the time is up. */
    private static Received read(HttpResponse<java.io.InputStream> r, String prefix, int expected, Duration atMost)
            throws Exception {
        List<String> dossiers = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int resets = 0;
        long until = System.nanoTime() + atMost.toNanos();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String id = null;
            for (String line; dossiers.size() < expected && System.nanoTime() < until && (line = in.readLine()) != null;) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:") && "sla".equals(event)) {
                    Matcher m = DOSSIER.matcher(line);
                    if (id != null) {
                        ids.add(id);
                    }
                    if (m.find() && m.group(1).startsWith(prefix) && line.contains("\"kind\":\"BREACHED\"")) {
                        dossiers.add(m.group(1));
                    }
                } else if (line.isEmpty()) {
                    if ("reset".equals(event)) {
                        resets++;
                    }
                    event = null;
                    id = null;
                }
            }
        }
        return new Received(dossiers, ids, resets);
    }

    @Test
    void aBurstArrivesWholeAndAReconnectResumesWhereItLeft() throws Exception {
        int burst = 1_500;
        HttpResponse<java.io.InputStream> stream = subscribe(null); // subscribed before the burst is announced
        var reading = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return read(stream, "BU-", burst, Duration.ofSeconds(90));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        accept("BU-", burst, Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS));
        Received first = reading.get(120, java.util.concurrent.TimeUnit.SECONDS);
        Set<String> distinct = new LinkedHashSet<>(first.dossiers());
        assertEquals(burst, first.dossiers().size(), "every breach of the burst, once each");
        assertEquals(burst, distinct.size());
        assertEquals(0, first.resets(), "a burst within the resume buffer never resets");
        assertTrue(increasing(first.ids()), "ids in order, none skipped");

        // Disconnected: more breaches are announced, then the subscriber resumes with its last id.
        String last = first.ids().get(first.ids().size() - 1);
        int more = 300;
        accept("BV-", more, Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", TestTokens.bearer(Roles.OPERATOR))
                .get("/api/sla-events/recent").then().extract().asString().contains("\"dossierId\":\"BV-"));
        Thread.sleep(2_000); // the rest of the second burst's scan commits
        Received resumed = read(subscribe(last), "BV-", more, Duration.ofSeconds(60));
        assertEquals(more, resumed.dossiers().size(), "exactly the breaches announced while away");
        assertEquals(more, new LinkedHashSet<>(resumed.dossiers()).size());
        assertEquals(0, resumed.resets());
        assertTrue(Long.parseLong(resumed.ids().get(0).substring(resumed.ids().get(0).lastIndexOf('-') + 1))
                == Long.parseLong(last.substring(last.lastIndexOf('-') + 1)) + 1, "resumed right after " + last);
    }

    private static boolean increasing(List<String> ids) {
        long previous = -1;
        for (String id : ids) {
            long n = Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
            if (previous >= 0 && n != previous + 1) {
                return false;
            }
            previous = n;
        }
        return !ids.isEmpty();
    }
}
