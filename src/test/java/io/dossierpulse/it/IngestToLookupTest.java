package io.dossierpulse.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dossierpulse.streams.DeadLetters;
import io.dossierpulse.support.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole path on a real broker: HTTP ingest, topic, Kafka Streams state, lookup, dead letters. */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(io.dossierpulse.support.AsAdmin.class)
@WithTestResource(KafkaBrokerResource.class)
class IngestToLookupTest {

    private static String event(String id, String dossier, int seq, String type, String extra) {
        return "{\"eventId\":\"" + id + "\",\"dossierId\":\"" + dossier + "\",\"seq\":" + seq + ",\"type\":\"" + type
                + "\",\"occurredAt\":\"2025-03-12T10:0" + seq + ":00+07:00\",\"agencyCode\":\"P-BD-PHUCXA\","
                + "\"procedureCode\":\"HT-301\"" + extra + "}";
    }

    @BeforeEach
    void ready() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void ndjsonMixOfValidAndMalformedLines() {
        String body = String.join("\n",
                event("it-a1", "IT-A", 1, "SUBMITTED", ",\"channel\":\"ONLINE\""),
                "{not json",
                event("it-a2", "IT-A", 2, "ACCEPTED", ",\"channel\":\"ONLINE\""),
                "",
                event("it-b1", "IT-B", 1, "SUBMITTED", ""),
                event("it-c1", "IT-C", 1, "LOST", ",\"channel\":\"ONLINE\""),
                event("it-d1", "IT-D", 1, "SUBMITTED", ",\"channel\":\"IN_PERSON\"")) + "\n";
        given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8)).post("/api/events").then()
                .statusCode(200)
                .body("accepted", equalTo(3))
                .body("rejected", equalTo(3))
                .body("errors", hasSize(3))
                .body("errors[0].line", equalTo(2))
                .body("errors[0].code", equalTo("NOT_JSON"))
                .body("errors[1].line", equalTo(5))
                .body("errors[1].code", equalTo("MISSING_FIELD"))
                .body("errors[1].reason", containsString("channel"))
                .body("errors[2].line", equalTo(6))
                .body("errors[2].code", equalTo("UNKNOWN_TYPE"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/dossiers/IT-A").then().statusCode(200)
                        .body("dossierId", equalTo("IT-A"))
                        .body("status", equalTo(2))
                        .body("statusLabel", equalTo("Được tiếp nhận"))
                        .body("agencyCode", equalTo("P-BD-PHUCXA"))
                        .body("procedureCode", equalTo("HT-301"))
                        .body("channel", equalTo("ONLINE")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/dossiers/IT-D").then().statusCode(200).body("channel", equalTo("IN_PERSON")));
        given().get("/api/dossiers/IT-B").then().statusCode(404);
    }

    @Test
    void nationalPortalSyncBodiesAreAnsweredPerItemAndApplied() {
        // As opencps-v2 posts to the portal: personal fields, the agency's name, dates as yyyyMMddHHmmss.
        String body = io.dossierpulse.support.OpenCpsBodies.dongBo()
                .dossier("IT-P1", "HT-304", "4", "20250312100000", "20250317100000", "", "", "Phường Phúc Xá")
                .dossier("IT-P2", "HT-304", "2", "12/03/2025", "", "", "", "P-BD-PHUCXA")
                .text();
        given().contentType("application/json").body(body).post("/api/portal/dongbo").then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(2))
                .body("errors[0].code", equalTo("INVALID_VALUE"))
                .body("errors[0].reason", containsString("NgayTiepNhan"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/dossiers/IT-P1").then().statusCode(200).body("status", equalTo(4))
                        .body("agencyCode", equalTo("P-BD-PHUCXA")));
        String progress = io.dossierpulse.support.OpenCpsBodies.capNhatTienDo()
                .progress("IT-P1", "9", "20250314150000").text();
        given().contentType("application/json").body(progress).post("/api/portal/dongbo").then()
                .statusCode(200).body("accepted", equalTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/dossiers/IT-P1").then().statusCode(200).body("status", equalTo(9)));
        // A body of another service is refused whole (who may post is SecurityTest's subject).
        given().contentType("application/json").body("{\"service\":\"TraCuuHoSo\",\"data\":[]}")
                .post("/api/portal/dongbo").then().statusCode(400).body("code", equalTo("UNKNOWN_SERVICE"));
    }

    @Test
    void jsonArrayIsAcceptedWithElementNumbers() {
        String body = "[" + event("it-e1", "IT-E", 1, "ACCEPTED", ",\"channel\":\"POSTAL\"") + ", 42]";
        given().contentType("application/json").body(body).post("/api/events").then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(2))
                .body("errors[0].code", equalTo("NOT_AN_OBJECT"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/dossiers/IT-E").then().statusCode(200).body("status", equalTo(2)));
        given().contentType("application/json").body("{\"not\":\"an array\"}").post("/api/events").then()
                .statusCode(400);
    }

    @Test
    void wrongContentTypeAndOversizeBodiesAreRefused() throws Exception {
        given().contentType("text/plain").body("hello").post("/api/events").then().statusCode(415);
        // Many tiny events: refused while the body is split, before any is decoded or sent.
        given().contentType("application/x-ndjson").body("{}\n".repeat(1001).getBytes(StandardCharsets.UTF_8)).post("/api/events").then().statusCode(413)
                .body("error", containsString("at most 1000 events"));
        given().contentType("application/json").body(("[" + "1,".repeat(1000) + "1]").getBytes(StandardCharsets.UTF_8)).post("/api/events").then()
                .statusCode(413);
        // Above the body limit: 413 from the declared length. With Expect: 100-continue the client waits
        // for the verdict before sending the body (otherwise the refusal races the upload and the client
        // may see the connection reset instead of the answer).
        java.net.http.HttpResponse<String> big = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + io.restassured.RestAssured.port
                                + "/api/events"))
                        .expectContinue(true)
                        .header("Authorization", io.dossierpulse.support.TestTokens.bearer(io.dossierpulse.security.Roles.INGEST))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x".repeat(70 * 1024))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, big.statusCode(), big.body());
    }

    @Test
    void bytesThatAreNotAnEventLandInTheDeadLetterTopic() throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        byte[] poison = {'{', 0x00, (byte) 0xFF, 'x'};
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("dossier.events", "POISON-1", poison)).get();
            producer.send(new ProducerRecord<>("dossier.events", "IT-F",
                    event("it-f1", "IT-F", 1, "SUBMITTED", ",\"channel\":\"ONLINE\"").getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        ConsumerRecord<String, byte[]> r = deadLetterOf(bootstrap, "POISON-1");
        assertArrayEquals(poison, r.value());
        Map<String, String> h = new java.util.HashMap<>();
        r.headers().forEach(x -> h.put(x.key(), new String(x.value(), StandardCharsets.UTF_8)));
        assertEquals("INVALID_ENCODING", h.get(DeadLetters.REASON));
        assertEquals("dossier.events", h.get(DeadLetters.SOURCE_TOPIC));
        assertEquals(true, h.containsKey(DeadLetters.SOURCE_PARTITION) && h.containsKey(DeadLetters.SOURCE_OFFSET));
        // The partition keeps flowing after the poison record.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/dossiers/IT-F").then().statusCode(200).body("status", equalTo(1)));
        // Metrics are served on the management interface, not the public port.
        given().get("/q/metrics").then().statusCode(404);
        given().port(ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001))
                .get("/q/metrics").then().statusCode(200)
                .body(containsString("pulse_events_rejected_total{reason=\"INVALID_ENCODING\"}"));
    }

    @Test
    void aDeadLetterAboveTheProducerLimitIsTruncatedAndSaysSo() throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        // 3 MiB that compress to a few KiB: the broker takes the batch, the dead letter cannot be 3 MiB.
        byte[] huge = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        huge[0] = '{';
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(8 * 1024 * 1024));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("dossier.events", "HUGE-1", huge)).get();
            producer.send(new ProducerRecord<>("dossier.events", "HUGE-1",
                    event("it-h1", "HUGE-1", 1, "SUBMITTED", ",\"channel\":\"ONLINE\"").getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        ConsumerRecord<String, byte[]> r = deadLetterOf(bootstrap, "HUGE-1");
        Map<String, String> h = new java.util.HashMap<>();
        r.headers().forEach(x -> h.put(x.key(), new String(x.value(), StandardCharsets.UTF_8)));
        assertEquals("TOO_LARGE", h.get(DeadLetters.REASON));
        assertEquals("true", h.get(DeadLetters.TRUNCATED));
        assertEquals(Integer.toString(huge.length), h.get(DeadLetters.ORIGINAL_BYTES));
        assertEquals(true, r.value().length < DeadLetters.DEFAULT_MAX_REQUEST_BYTES && r.value().length > 900_000,
                "a prefix as long as fits: " + r.value().length);
        assertArrayEquals(java.util.Arrays.copyOf(huge, r.value().length), r.value());
        // The partition keeps flowing: the next event of the same key is applied.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/dossiers/HUGE-1").then().statusCode(200).body("status", equalTo(1)));
    }

    private static ConsumerRecord<String, byte[]> deadLetterOf(String bootstrap, String key) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "it-dlq-reader-" + key);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("dossier.events.dlq"));
            long until = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < until) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                }
                if (!found.isEmpty()) {
                    // A moment more: a second copy would show up now.
                    consumer.poll(Duration.ofSeconds(1)).forEach(r -> {
                        if (key.equals(r.key())) {
                            found.add(r);
                        }
                    });
                    break;
                }
            }
        }
        assertEquals(1, found.size(), "the dead letter of " + key + " arrives exactly once");
        return found.get(0);
    }

    /** Issue 12: the source's appointment is kept beside the legal due and shown in the lookup. */
    @Test
    void theSourcesAppointmentIsShownBesideTheLegalDue() {
        // HT-304, 3 working days: accepted Wednesday 12 March 2025 10:00, legally due Monday 17 March 10:00.
        String accepted = "{\"eventId\":\"it-src-1\",\"dossierId\":\"IT-SRC\",\"seq\":1,\"type\":\"ACCEPTED\","
                + "\"occurredAt\":\"2025-03-12T10:00:00+07:00\",\"agencyCode\":\"P-BD-PHUCXA\",\"procedureCode\":\"HT-304\","
                + "\"channel\":\"ONLINE\",\"dueAt\":\"2025-03-14T17:00:00+07:00\"}\n";
        given().contentType("application/x-ndjson").body(accepted.getBytes(StandardCharsets.UTF_8)).post("/api/events")
                .then().statusCode(200).body("accepted", equalTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/dossiers/IT-SRC").then().statusCode(200)
                .body("sourceDueAt", equalTo("2025-03-14T17:00:00+07:00"))
                .body("dueAt", equalTo("2025-03-17T10:00:00+07:00")));
    }

    @Test
    void liveEventStreamsPerClientAreBounded() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest stream = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + io.restassured.RestAssured.port + "/api/sla-events/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", io.dossierpulse.support.TestTokens.bearer(io.dossierpulse.security.Roles.OPERATOR))
                .build();
        var first = http.sendAsync(stream, java.net.http.HttpResponse.BodyHandlers.ofInputStream())
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        var second = http.sendAsync(stream, java.net.http.HttpResponse.BodyHandlers.ofInputStream())
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, first.statusCode());
        assertEquals(200, second.statusCode());
        var third = http.send(stream, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(429, third.statusCode(), "the test profile allows two streams per client");
        assertEquals(true, third.body().contains("too many event streams"), third.body());
        // Closing one frees its slot.
        first.body().close();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var again = http.sendAsync(stream, java.net.http.HttpResponse.BodyHandlers.ofInputStream())
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            again.body().close();
            return again.statusCode() == 200;
        });
        second.body().close();
    }
}
