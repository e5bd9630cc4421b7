package io.dossierpulse.security;

import io.dossierpulse.app.LaunchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Signs local tokens with the issuer and audience the service verifies (mp.jwt.verify.issuer and
 * mp.jwt.verify.audiences, read from the same settings), so a token it prints is one it accepts.
 */
public final class TokenIssuer {

    public static final String KEY_DIR = "pulse.security.local-key-dir";

    private final LocalSigningKey key;
    private final String issuer;
    private final String audience;

    public TokenIssuer(LocalSigningKey key, String issuer, String audience) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** The issuer of the configured local key directory, as the launcher and the CLI see the settings. */
    public static TokenIssuer fromLaunchSettings() {
        return new TokenIssuer(LocalSigningKey.read(keyDir()), LaunchSettings.require("mp.jwt.verify.issuer"),
                LaunchSettings.require("mp.jwt.verify.audiences").split(",")[0].trim());
    }

    public static Path keyDir() {
        return Path.of(LaunchSettings.require(KEY_DIR));
    }

    public String token(String subject, Set<String> roles, Duration ttl) {
        return key.sign(issuer, audience, subject, roles, ttl);
    }
}
