package io.dossierpulse.broker;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the application finds Kafka, read from system properties and environment before Quarkus
 * starts (the broker must be up before Kafka Streams is). An explicit {@code kafka.bootstrap.servers}
 * (env {@code KAFKA_BOOTSTRAP_SERVERS}) means an external cluster: nothing is started. Without one,
 * a broker is started in the process only where that is meant: the demo and dev profiles, or
 * {@code pulse.broker.embedded=true}; a production start without bootstrap servers is refused.
 *
 * @param embeddedAllowed whether a missing bootstrap may be answered with an embedded broker
 */
public record BrokerSettings(Optional<String> externalBootstrap, boolean embeddedAllowed, String host, int port,
        int controllerPort, Path dataDir) {

    public static BrokerSettings fromEnvironment() {
        String profile = setting("quarkus.profile").orElse("prod");
        boolean embedded = setting("pulse.broker.embedded").map(Boolean::parseBoolean)
                .orElse(profile.equals("demo") || profile.equals("dev") || profile.equals("test"));
        return new BrokerSettings(
                setting("kafka.bootstrap.servers").filter(s -> !s.isBlank()), embedded,
                setting("pulse.broker.host").orElse("127.0.0.1"),
                Integer.parseInt(setting("pulse.broker.port").orElse("9092")),
                Integer.parseInt(setting("pulse.broker.controller-port").orElse("9093")),
                Path.of(setting("pulse.broker.data-dir").orElse("work/kafka")));
    }

    /** Looks up a.b.c as a system property, then A_B_C in the environment (MicroProfile Config style). */
    public static Optional<String> setting(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return Optional.ofNullable(value);
    }
}
