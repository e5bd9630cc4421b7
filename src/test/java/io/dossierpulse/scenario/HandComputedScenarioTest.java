package io.dossierpulse.scenario;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossierpulse.support.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Six dossiers of procedure HT-304 (3 working days, fee-bearing) at one ward, week of Monday
 * 2 June 2025, fed through the HTTP ingest, all long past their deadlines. Every expected figure is
 * worked out by hand below: counters, indicators and SLA events.
 *
 * <pre>
 * S1 accepted Mon 09:00 online, paid online, digitized; resolved Wed 10:00   EARLY   (at risk Wed 09:00)
 * S2 accepted Mon 10:00 in person, fee paid at the desk; resolved Thu 10:00  ON_TIME (due Thu 10:00; at risk Wed 10:00)
 * S3 accepted Mon 11:00 online, paid online, digitized; resolved Fri 09:00   LATE    (at risk, breached Thu 11:00, resolved late)
 * S4 accepted Mon 14:00 online; never resolved                              overdue (at risk Wed 14:00, breached Thu 14:00)
 * S5 submitted Mon 08:30 online; not accepted Mon 09:30
 * S6 accepted Mon 15:00 in person; withdrawn Tue 09:00
 * </pre>
 */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(io.dossierpulse.support.AsAdmin.class)
@WithTestResource(KafkaBrokerResource.class)
class HandComputedScenarioTest {

    private static final String WARD = "P-HK-HANGTRONG";
    private static final String DISTRICT = "Q-HK";
    private static final String PERIOD = "from=2025-06-02&to=2025-06-06";
    /** Rates come back as doubles, so that they compare with closeTo. */
    private static final RestAssuredConfig DOUBLES = RestAssured.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    private static String event(String dossier, int seq, String type, String at, String extra) {
        return "{\"eventId\":\"" + dossier + "-" + seq + "\",\"dossierId\":\"" + dossier + "\",\"seq\":" + seq
                + ",\"type\":\"" + type + "\",\"occurredAt\":\"" + at + "+07:00\",\"agencyCode\":\"" + WARD
                + "\",\"procedureCode\":\"HT-304\"" + extra + "}";
    }

    @Test
    void countersIndicatorsAndSlaEventsMatchTheHandComputedOutcome() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200));
        String online = ",\"channel\":\"ONLINE\"";
        String desk = ",\"channel\":\"IN_PERSON\"";
        String body = String.join("\n",
                event("SCN-S5", 1, "SUBMITTED", "2025-06-02T08:30:00", online),
                event("SCN-S1", 1, "ACCEPTED", "2025-06-02T09:00:00",
                        online + ",\"feeRequired\":true,\"paidOnline\":true,\"digitized\":true"),
                event("SCN-S5", 2, "NOT_ACCEPTED", "2025-06-02T09:30:00", ""),
                event("SCN-S2", 1, "ACCEPTED", "2025-06-02T10:00:00", desk + ",\"feeRequired\":true,\"paidOnline\":false"),
                event("SCN-S3", 1, "ACCEPTED", "2025-06-02T11:00:00",
                        online + ",\"feeRequired\":true,\"paidOnline\":true,\"digitized\":true"),
                event("SCN-S4", 1, "ACCEPTED", "2025-06-02T14:00:00", online),
                event("SCN-S6", 1, "ACCEPTED", "2025-06-02T15:00:00", desk),
                event("SCN-S6", 2, "WITHDRAWN", "2025-06-03T09:00:00", ""),
                event("SCN-S1", 2, "RESOLVED", "2025-06-04T10:00:00", ""),
                event("SCN-S2", 2, "RESOLVED", "2025-06-05T10:00:00", ""),
                event("SCN-S3", 2, "RESOLVED", "2025-06-06T09:00:00", "")) + "\n";
        given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8)).post("/api/events")
                .then().statusCode(200).body("accepted", equalTo(11)).body("rejected", equalTo(0));

        List<String> sla = readSlaEvents(7);
        assertEquals(List.of("SCN-S1:AT_RISK", "SCN-S2:AT_RISK", "SCN-S3:AT_RISK", "SCN-S3:BREACHED",
                "SCN-S3:RESOLVED_LATE", "SCN-S4:AT_RISK", "SCN-S4:BREACHED"), sla.stream().sorted().toList());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String scope : List.of("/api/agencies/" + WARD + "/stats", "/api/agencies/" + DISTRICT + "/stats",
                    "/api/stats/city")) {
                expectWeek(given().config(DOUBLES).get(scope + "?" + PERIOD).then().statusCode(200));
            }
            // The open stock at the week's end counts every dossier open then, whatever its acceptance
            // date: exact for the ward, which only this test uses (the district and the city hold
            // other tests' open dossiers too).
            given().config(DOUBLES).get("/api/agencies/" + WARD + "/stats?" + PERIOD).then().statusCode(200)
                    .body("counts.OPEN_ON_TIME", equalTo(0))
                    .body("counts.OPEN_OVERDUE", equalTo(1))
                    // on time = (early + on time + open on time) / (resolved + open) = 2 / 4
                    .body("indicators.onTime.value", closeTo(0.5, 1e-9));
        });
        // Day by day: flows on the event's date, the open stock as it stood at the end of the day
        // (docs/indicators.md, "Period semantics"): on Monday evening the five accepted are open, all
        // within time (due Thursday at the earliest); on Thursday evening S4 is open and overdue.
        given().get("/api/agencies/" + WARD + "/stats?from=2025-06-02&to=2025-06-02").then()
                .body("counts.ACCEPTED", equalTo(5)).body("counts.OPEN_ON_TIME", equalTo(5))
                .body("counts.OPEN_OVERDUE", equalTo(0)).body("counts.RESOLVED_EARLY", equalTo(0));
        given().config(DOUBLES).get("/api/agencies/" + WARD + "/stats?from=2025-06-05&to=2025-06-05").then()
                .body("counts.OPEN_ON_TIME", equalTo(0)).body("counts.OPEN_OVERDUE", equalTo(2))
                .body("indicators.onTime.value", closeTo(1.0 / 3, 1e-9)); // S2 on time over S2, S3, S4
        given().get("/api/agencies/" + WARD + "/stats?from=2025-06-05&to=2025-06-05").then()
                .body("counts.RESOLVED_ON_TIME", equalTo(1)).body("received", equalTo(0));
        given().get("/api/indicators?level=COMMUNE&" + PERIOD).then().statusCode(200)
                .body("rows.agencyCode", hasItem(WARD));
        // A page far out (its end overflowed an int once: a 500) is refused with a reason.
        given().get("/api/agencies/" + DISTRICT + "/overdue?page=2147483647&size=1000").then().statusCode(400);
        given().get("/api/agencies/" + DISTRICT + "/overdue?page=10&size=1000").then().statusCode(400);
        given().get("/api/agencies/" + DISTRICT + "/overdue?page=9&size=1000").then().statusCode(200);
        given().get("/api/agencies/" + DISTRICT + "/overdue").then().statusCode(200)
                .body("dossiers.dossierId", equalTo(List.of("SCN-S4")))
                .body("dossiers[0].dueAt", equalTo("2025-06-05T14:00:00+07:00"));
        // Processing time, working minutes from clock start to resolution: S1 Mon 09:00 to Wed 10:00 = 1,020
        // (bucket [960, 1440)); S2 Mon 10:00 to Thu 10:00 = 1,440 and S3 Mon 11:00 to Fri 09:00 = 1,800
        // (bucket [1440, 2400)). p50 is the second of three: [1440, 2400).
        given().get("/api/procedures/HT-304/stats?" + PERIOD).then().statusCode(200)
                .body("resolved", equalTo(3)).body("received", equalTo(6))
                .body("processingTime.resolved", equalTo(3))
                .body("processingTime.p50.from", equalTo(1440)).body("processingTime.p50.below", equalTo(2400))
                .body("processingTime.p99.below", equalTo(2400));
        given().get("/api/dossiers/SCN-S3").then().statusCode(200).body("standing", equalTo("LATE"));
        given().get("/api/dossiers/SCN-S4").then().statusCode(200).body("standing", equalTo("IN_PROGRESS_OVERDUE"));
    }

    private static void expectWeek(ValidatableResponse r) {
        r.body("received", equalTo(6))
                .body("counts.RECEIVED_ONLINE", equalTo(4))
                .body("counts.RECEIVED_IN_PERSON", equalTo(2))
                .body("counts.ACCEPTED", equalTo(5))
                .body("counts.NOT_ACCEPTED", equalTo(1))
                .body("counts.WITHDRAWN", equalTo(1))
                .body("counts.RESOLVED_EARLY", equalTo(1))
                .body("counts.RESOLVED_ON_TIME", equalTo(1))
                .body("counts.RESOLVED_LATE", equalTo(1))
                .body("counts.ENDED", equalTo(3))
                .body("counts.ENDED_FEE_BEARING", equalTo(3))
                .body("counts.ENDED_PAID_ONLINE", equalTo(2))
                .body("counts.ENDED_DIGITIZED", equalTo(2))
                .body("indicators.onlineSubmission.value", closeTo(4.0 / 6, 1e-9))
                .body("indicators.onlinePayment.value", closeTo(2.0 / 3, 1e-9))
                .body("indicators.digitization.value", closeTo(2.0 / 3, 1e-9))
                .body("indicators.late.value", closeTo(1.0 / 3, 1e-9))
                .body("processingTime.resolved", equalTo(3));
    }

    private static List<String> readSlaEvents(int expected) throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "scenario-" + System.nanoTime());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("dossier.sla-events"));
            long until = System.nanoTime() + Duration.ofSeconds(45).toNanos();
            long settle = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(until, settle)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    JsonNode e = json.readTree(r.value());
                    if (e.get("subject").asText().startsWith("SCN-")) {
                        out.add(e.get("subject").asText() + ":" + e.at("/data/kind").asText());
                    }
                }
                if (out.size() >= expected && settle == Long.MAX_VALUE) {
                    settle = System.nanoTime() + Duration.ofSeconds(4).toNanos(); // a duplicate would show now
                }
            }
        }
        return out;
    }
}
