package io.dossierpulse.app;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The one source of how every Kafka client of the service connects: the {@code kafka.*} settings
 * (system properties, environment {@code KAFKA_*}, application.properties), e.g.
 * {@code kafka.security.protocol=SASL_SSL}, {@code kafka.sasl.mechanism}, {@code kafka.sasl.jaas.config},
 * {@code kafka.ssl.truststore.location}. Kafka Streams gets them as {@code kafka-streams.*} from the
 * launcher; the ingest producer, the SLA feed, the admin clients and the generator from
 * {@link #forClient}. Bootstrap servers are passed apart (tests and the embedded broker set them).
 */
public final class KafkaClientSettings {

    private static final String PREFIX = "kafka.";
    private static final String BOOTSTRAP = "bootstrap.servers";

    private static final java.util.Set<String> CLIENT_KEYS = clientKeys();

    private static java.util.Set<String> clientKeys() {
        java.util.Set<String> keys = new java.util.HashSet<>(org.apache.kafka.clients.producer.ProducerConfig.configNames());
        keys.addAll(org.apache.kafka.clients.consumer.ConsumerConfig.configNames());
        keys.addAll(org.apache.kafka.clients.admin.AdminClientConfig.configNames());
        return keys;
    }

    private KafkaClientSettings() {
    }

    /** The connection settings without bootstrap servers: security protocol, SASL, TLS. */
    public static Map<String, Object> connection() {
        Map<String, Object> out = new HashMap<>();
        Properties packaged = LaunchSettings.packaged();
        for (String name : packaged.stringPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                LaunchSettings.get(name).ifPresent(v -> out.put(name.substring(PREFIX.length()), v));
            }
        }
        // Kafka's keys hold dots and no underscores, so KAFKA_SSL_TRUSTSTORE_LOCATION is kafka.ssl.truststore.location.
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("KAFKA_") && k.length() > 6) {
                out.put(k.substring(6).toLowerCase(Locale.ROOT).replace('_', '.'), v);
            }
        });
        System.getProperties().stringPropertyNames().forEach(k -> {
            if (k.startsWith(PREFIX)) {
                out.put(k.substring(PREFIX.length()), System.getProperty(k));
            }
        });
        out.remove(BOOTSTRAP);
        // Only client settings: KAFKA_HEAP_OPTS and the like are not for the clients.
        out.keySet().retainAll(CLIENT_KEYS);
        return out;
    }

    /** A client's settings: the connection settings, the bootstrap servers and a client id. */
    public static Map<String, Object> forClient(String bootstrap, String clientId) {
        Map<String, Object> p = connection();
        p.put(BOOTSTRAP, bootstrap);
        p.put("client.id", clientId);
        return p;
    }

    /**
     * For the launcher: every connection setting as {@code kafka-streams.<key>} (unless set there
     * already), which is how Quarkus hands settings to Kafka Streams.
     */
    public static void mirrorToKafkaStreams() {
        connection().forEach((k, v) -> {
            String key = "kafka-streams." + k;
            if (LaunchSettings.get(key).isEmpty()) {
                System.setProperty(key, v.toString());
            }
        });
    }
}
