package io.dossierpulse.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

/**
 * Tests, the harness and the service must run the same topology settings: the defaults that tests
 * build with ({@link TopologySettings#defaults()}) are those the service reads from its
 * configuration mapping when nothing is set.
 */
class TopologyDefaultsTest {

    @Test
    void theTestDefaultsAreTheServiceDefaults() {
        // Quarkus's own duration syntax ("5M", "0.1S"), as the service reads it.
        // With the packaged application.properties, as the service reads it (no profile).
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(PulseConfig.class)
                .withSources(packagedProperties())
                .withConverter(java.time.Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .build();
        assertEquals(TopologySettings.defaults(), config.getConfigMapping(PulseConfig.class).topologySettings());
        assertEquals(io.dossierpulse.domain.dossier.IntakeLimits.DEFAULT,
                config.getConfigMapping(PulseConfig.class).intakeLimits());
    }

    private static io.smallrye.config.PropertiesConfigSource packagedProperties() {
        try {
            return new io.smallrye.config.PropertiesConfigSource(
                    TopologyDefaultsTest.class.getClassLoader().getResource("application.properties"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
