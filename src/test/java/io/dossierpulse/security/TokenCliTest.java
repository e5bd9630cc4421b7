package io.dossierpulse.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code bin/pulse token}: the last line is a token with the role, the issuer and audience the service checks. */
class TokenCliTest {

    private Path keys;

    @BeforeEach
    void localKey() throws Exception {
        keys = Files.createTempDirectory("token-cli").resolve("jwt");
        LocalSigningKey.ensure(keys);
        System.setProperty(TokenIssuer.KEY_DIR, keys.toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty(TokenIssuer.KEY_DIR);
    }

    private static String[] lines(String... args) {
        io.dossierpulse.support.Stdout.Run r = io.dossierpulse.support.Stdout.of(() -> TokenCli.run(args));
        assertEquals(0, r.exitCode(), r.text());
        return r.text().strip().split("\n");
    }

    @Test
    void printsASignedTokenWithTheRoleAsItsLastLine() throws Exception {
        String[] out = lines("--role", "ingest", "--ttl", "30m");
        String token = out[out.length - 1];
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length, token);
        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("RS256", header.get("alg").asText());
        assertEquals("ingest", claims.get("groups").get(0).asText());
        assertEquals("dossier-pulse-local", claims.get("iss").asText());
        long ttl = claims.get("exp").asLong() - claims.get("iat").asLong();
        assertEquals(1800, ttl);
        assertTrue(parts[2].length() > 300, "an RSA-2048 signature");
    }

    @Test
    void refusesAnUnknownRoleOrAnUnboundedLifetime() {
        assertEquals(2, TokenCli.run("--role", "root"));
        assertEquals(2, TokenCli.run("--role", "admin", "--ttl", "8d"));
        assertEquals(2, TokenCli.run("--role", "admin", "--ttl", "soon"));
        assertEquals(2, TokenCli.run());
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertEquals(java.time.Duration.ofSeconds(90), TokenCli.parse("90s"));
        assertEquals(java.time.Duration.ofHours(2), TokenCli.parse("2h"));
        assertEquals(java.time.Duration.ofDays(2), TokenCli.parse("2d"));
        assertEquals(java.time.Duration.ofMinutes(45), TokenCli.parse("PT45M"));
    }
}
