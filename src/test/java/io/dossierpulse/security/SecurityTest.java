package io.dossierpulse.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.dossierpulse.app.LaunchSettings;
import io.dossierpulse.support.KafkaBrokerResource;
import io.dossierpulse.support.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may ask what, with real RS256 tokens verified by the service's own JWT stack: the wrong
 * token is a 401 with a JSON reason, the wrong role a 403, and the open paths stay open.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class SecurityTest {

    private static final String EVENT = "{\"eventId\":\"sec-1\",\"dossierId\":\"SEC-1\",\"seq\":1,"
            + "\"type\":\"SUBMITTED\",\"occurredAt\":\"2025-03-12T09:00:00+07:00\",\"agencyCode\":\"P-BD-PHUCXA\","
            + "\"procedureCode\":\"HT-301\",\"channel\":\"ONLINE\"}";

    private static String issuer;
    private static String audience;

    @BeforeAll
    static void settings() {
        io.restassured.RestAssured.requestSpecification = null;
        issuer = LaunchSettings.require("mp.jwt.verify.issuer");
        audience = LaunchSettings.require("mp.jwt.verify.audiences");
    }

    private static String signed(String iss, String aud, Duration ttl, String role) {
        return new TokenIssuer(LocalSigningKey.ensure(TestTokens.KEY_DIR), iss, aud).token("t", Set.of(role), ttl);
    }

    @Test
    void noTokenIsA401WithAJsonReason() {
        given().contentType("application/x-ndjson").body(EVENT.getBytes(StandardCharsets.UTF_8)).post("/api/events").then().statusCode(401)
                .contentType(containsString("json")).body("error", notNullValue())
                .header("WWW-Authenticate", containsString("Bearer"));
        given().get("/api/stats/city").then().statusCode(401).body("error", notNullValue());
    }

    @Test
    void anotherIssuersKeyIsA401() throws Exception {
        Path elsewhere = Files.createTempDirectory("other-key").resolve("jwt");
        String forged = new TokenIssuer(LocalSigningKey.ensure(elsewhere), issuer, audience)
                .token("t", Set.of(Roles.ADMIN), Duration.ofHours(1));
        given().header("Authorization", "Bearer " + forged).get("/api/stats/city").then().statusCode(401)
                .body("error", notNullValue());
    }

    @Test
    void anUnsignedTokenIsA401() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience
                + "\",\"sub\":\"t\",\"upn\":\"t\",\"groups\":[\"admin\"],\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", "Bearer " + header + "." + claims + ".").get("/api/stats/city").then()
                .statusCode(401).body("error", notNullValue());
    }

    @Test
    void anExpiredTokenIsA401() {
        given().header("Authorization", "Bearer " + signed(issuer, audience, Duration.ofMinutes(-10), Roles.ADMIN))
                .get("/api/stats/city").then().statusCode(401).body("error", notNullValue());
    }

    @Test
    void aWrongIssuerOrAudienceIsA401() {
        given().header("Authorization", "Bearer " + signed("https://elsewhere.example", audience, Duration.ofHours(1),
                Roles.ADMIN)).get("/api/stats/city").then().statusCode(401);
        given().header("Authorization", "Bearer " + signed(issuer, "another-service", Duration.ofHours(1),
                Roles.ADMIN)).get("/api/stats/city").then().statusCode(401);
    }

    @Test
    void aTokenWithoutTheRoleIsA403() {
        given().header("Authorization", TestTokens.bearer(Roles.OPERATOR)).contentType("application/x-ndjson")
                .body(EVENT.getBytes(StandardCharsets.UTF_8)).post("/api/events").then().statusCode(403).body("error", notNullValue());
        given().header("Authorization", TestTokens.bearer(Roles.INGEST)).get("/api/stats/city").then()
                .statusCode(403).body("error", notNullValue());
        given().header("Authorization", TestTokens.bearer(Roles.OPERATOR)).contentType("application/json")
                .body("{\"service\":\"DongBoHoSoMC\",\"data\":[]}").post("/api/portal/dongbo").then()
                .statusCode(403);
        given().contentType("application/json").body("{\"service\":\"DongBoHoSoMC\",\"data\":[]}")
                .post("/api/portal/dongbo").then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.INGEST, Roles.ADMIN})
    void ingestAndAdminMayWrite(String role) {
        given().header("Authorization", TestTokens.bearer(role)).contentType("application/x-ndjson").body(EVENT.getBytes(StandardCharsets.UTF_8))
                .post("/api/events").then().statusCode(200).body("accepted", equalTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/stats/city", "/api/pipeline", "/api/procedures", "/api/calendar/2025",
            "/api/sla-events/recent", "/api/agencies/HN/overdue", "/api/agencies", "/api/agencies/HN/procedures",
            "/api/agencies/HN/at-risk", "/api/live/trends"})
    void operatorsRead(String path) {
        given().header("Authorization", TestTokens.bearer(Roles.OPERATOR)).get(path).then().statusCode(200);
        given().get(path).then().statusCode(401);
    }

    @Test
    void healthAndTheCitizenLookupNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/tra-cuu").then().statusCode(200);
        given().get("/tra-cuu/ANY-ID").then().statusCode(200);
        given().get("/api/lookup/ANY-ID/qr.svg").then().statusCode(200).contentType("image/svg+xml");
        // 503 while Kafka Streams starts; then the store answers.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/lookup/NO-SUCH-DOSSIER").then().statusCode(404).body("error", notNullValue()));
    }

    @Test
    void theCitizenLookupShowsStatusAgencyAndAppointmentOnly() {
        String event = EVENT.replace("sec-1", "sec-lookup").replace("SEC-1", "SEC-LOOKUP");
        given().header("Authorization", TestTokens.bearer(Roles.INGEST)).contentType("application/x-ndjson")
                .body(event.getBytes(StandardCharsets.UTF_8)).post("/api/events").then().statusCode(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            java.util.Map<String, Object> view = given().get("/api/lookup/SEC-LOOKUP").then().statusCode(200)
                    .extract().as(java.util.Map.class);
            org.junit.jupiter.api.Assertions.assertEquals(
                    Set.of("dossierId", "status", "statusLabel", "agencyCode", "agencyName", "receivingAgencyName",
                            "appointmentAt", "ended", "late", "reappointed"), view.keySet());
            org.junit.jupiter.api.Assertions.assertEquals("SUBMITTED", view.get("status"));
            org.junit.jupiter.api.Assertions.assertEquals("P-BD-PHUCXA", view.get("agencyCode"));
        });
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // it uses up this client's allowance for the minute
    void theCitizenLookupIsRateLimitedPerClient() {
        int limit = Integer.parseInt(LaunchSettings.get("%test.pulse.lookup.requests-per-minute").orElseThrow());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/lookup/NO-SUCH-DOSSIER").then().statusCode(404));
        int status = 0;
        // Two windows' allowance at most before a 429 (the first may be partly used or end meanwhile).
        for (int i = 0; i <= 2 * limit && status != 429; i++) {
            status = given().get("/api/lookup/NO-SUCH-DOSSIER").then().extract().statusCode();
        }
        org.junit.jupiter.api.Assertions.assertEquals(429, status);
        given().get("/api/lookup/NO-SUCH-DOSSIER").then().statusCode(429).header("Retry-After", notNullValue())
                .body("error", notNullValue());
    }

    @Test
    void aClientCannotMarkItsRequestForwarded() {
        given().queryParam("forwarded", "true").header("X-Pulse-Forwarded", "guess")
                .get("/api/agencies/HN/overdue").then().statusCode(401);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("X-Pulse-Forwarded", "guess").get("/api/lookup/NO-SUCH-DOSSIER").then().statusCode(404));
    }

    @Test
    void aBrowserOnThisMachineGetsAnOperatorSessionThatReadsButNeverWrites() {
        String token = given().post("/api/session/local").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().path("token");
        given().header("Authorization", "Bearer " + token).get("/api/stats/city").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).contentType("application/x-ndjson").body(EVENT.getBytes(StandardCharsets.UTF_8))
                .post("/api/events").then().statusCode(403);
        // Through a proxy the peer address says nothing: no session.
        given().header("X-Forwarded-For", "203.0.113.7").post("/api/session/local").then().statusCode(403);
    }
}
