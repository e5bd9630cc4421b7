package io.dossierpulse.support;

import io.dossierpulse.security.LocalSigningKey;
import io.dossierpulse.security.TokenIssuer;
import io.dossierpulse.app.LaunchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Real RS256 tokens for the tests, signed with the test key pair (target/test-jwt, the %test
 * profile's local key directory) and verified by the service the way production verifies any
 * issuer's: nothing in the security path is replaced.
 */
public final class TestTokens {

    /** The test key directory, absolute (child processes run elsewhere). */
    public static final Path KEY_DIR = Path.of("target", "test-jwt").toAbsolutePath();

    private TestTokens() {
    }

    public static TokenIssuer issuer() {
        return new TokenIssuer(LocalSigningKey.ensure(KEY_DIR), LaunchSettings.require("mp.jwt.verify.issuer"),
                LaunchSettings.require("mp.jwt.verify.audiences"));
    }

    public static String token(String role) {
        return issuer().token("test-" + role, Set.of(role), Duration.ofHours(2));
    }

    public static String bearer(String role) {
        return "Bearer " + token(role);
    }
}
