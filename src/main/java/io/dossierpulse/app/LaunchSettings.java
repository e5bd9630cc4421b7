package io.dossierpulse.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * Settings read before Quarkus starts (by the launcher and the command-line tools), resolved the way
 * Quarkus resolves them: a system property, then the environment variable (A_B_C for a.b.c), then
 * the packaged application.properties (its {@code %profile.} line first), {@code ${name:default}}
 * expanded. So application.properties stays the one source of each default.
 */
public final class LaunchSettings {

    private static final Properties PACKAGED = load();

    private LaunchSettings() {
    }

    public static Optional<String> get(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_').replace('"', '_'));
        }
        if (value == null) {
            value = PACKAGED.getProperty("%" + profile() + "." + name, PACKAGED.getProperty(name));
        }
        return Optional.ofNullable(value).map(v -> expand(v, 0));
    }

    /** The packaged application.properties as it is (no profile applied, nothing expanded). */
    static Properties packaged() {
        return PACKAGED;
    }

    public static String require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("setting " + name + " is not set"));
    }

    /** The active profile: quarkus.profile (QUARKUS_PROFILE), else prod. */
    public static String profile() {
        String p = System.getProperty("quarkus.profile");
        if (p == null) {
            p = System.getenv("QUARKUS_PROFILE");
        }
        return p == null ? "prod" : p;
    }

    private static String expand(String value, int depth) {
        int start = value.indexOf("${");
        if (start < 0 || depth > 8) {
            return value;
        }
        int end = value.indexOf('}', start);
        if (end < 0) {
            return value;
        }
        String inner = value.substring(start + 2, end);
        int colon = inner.indexOf(':');
        String key = colon < 0 ? inner : inner.substring(0, colon);
        String fallback = colon < 0 ? "" : inner.substring(colon + 1);
        String replaced = get(key).orElse(fallback);
        return expand(value.substring(0, start) + replaced + value.substring(end + 1), depth + 1);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = LaunchSettings.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
