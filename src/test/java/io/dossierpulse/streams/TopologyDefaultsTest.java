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

    @Test
    void portalSyncIsOnByDefaultAndCanBeTurnedOff() {
        TopologySettings on = TopologySettings.defaults();
        org.junit.jupiter.api.Assertions.assertTrue(on.portalSync());
        org.junit.jupiter.api.Assertions.assertTrue(on.topics().contains(TopicNames.PORTAL_SYNC), on.topics().toString());

        SmallRyeConfig off = new SmallRyeConfigBuilder().withMapping(PulseConfig.class)
                .withSources(packagedProperties())
                .withSources(new io.smallrye.config.PropertiesConfigSource(
                        java.util.Map.of("pulse.portal.sync-enabled", "false"), "off", 500))
                .withConverter(java.time.Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .build();
        TopologySettings without = off.getConfigMapping(PulseConfig.class).topologySettings();
        org.junit.jupiter.api.Assertions.assertFalse(without.portalSync());
        assertEquals(java.util.List.of(TopicNames.EVENTS, TopicNames.DEAD_LETTERS, TopicNames.SLA_EVENTS),
                without.topics());
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
