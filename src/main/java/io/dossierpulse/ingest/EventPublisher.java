package io.dossierpulse.ingest;

import io.dossierpulse.streams.PulseConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces validated events to {@code dossier.events}, keyed by dossierId, idempotently and with
 * acks from all in-sync replicas. The producer's bounded buffer is the backpressure: when the broker
 * is slow, {@link #publish} blocks (up to {@code pulse.ingest.max-block}) instead of growing memory.
 */
@ApplicationScoped
public class EventPublisher {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    @Inject
    EventPublisher(PulseConfig config,
            @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers") String bootstrap) {
        this(ingestSettings(config, bootstrap), config.topics().events());
    }

    private static Map<String, Object> ingestSettings(PulseConfig config, String bootstrap) {
        Map<String, Object> props = producerSettings(bootstrap, "dossier-pulse-ingest");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.ingest().maxBlock().toMillis());
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, config.ingest().bufferBytes());
        return props;
    }

    EventPublisher(Map<String, Object> producerSettings, String topic) {
        this.producer = new KafkaProducer<>(producerSettings, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /**
     * The ingest producer's settings (idempotent, acknowledged by all replicas, linger 5 ms, lz4), one
     * source for the service and the benchmark harness that produces as the service does.
     */
    public static Map<String, Object> producerSettings(String bootstrap, String clientId) {
        Map<String, Object> props = io.dossierpulse.app.KafkaClientSettings.forClient(bootstrap, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return props;
    }

    /** Sends one event; the future completes when the broker has acknowledged it. May block on a full buffer. */
    public CompletableFuture<Void> publish(String dossierId, byte[] event) {
        return publish(topic, dossierId, event);
    }

    /** Sends one record to another topic with the same producer (national-portal sync bodies). */
    public CompletableFuture<Void> publish(String toTopic, String key, byte[] value) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(toTopic, key, value), (md, e) -> {
                if (e == null) {
                    acked.complete(null);
                } else {
                    acked.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
