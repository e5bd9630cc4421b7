package io.dossierpulse.feed;

import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.domain.DossierEvent;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Where generated events go: a Kafka topic (keyed by dossierId) or an NDJSON file. */
public interface EventSink extends AutoCloseable {

    void write(DossierEvent event);

    @Override
    void close();

    static EventSink kafka(String bootstrap, String topic) {
        Properties p = new Properties();
        p.putAll(io.dossierpulse.app.KafkaClientSettings.forClient(bootstrap, "dossier-pulse-generator"));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        EventCodec codec = new EventCodec();
        return new EventSink() {
            private volatile RuntimeException failure;

            @Override
            public void write(DossierEvent event) {
                if (failure != null) {
                    throw failure;
                }
                producer.send(new ProducerRecord<>(topic, event.dossierId(), codec.encode(event)), (md, e) -> {
                    if (e != null) {
                        failure = new IllegalStateException("Kafka refused an event: " + e, e);
                    }
                });
            }

            @Override
            public void close() {
                producer.close(Duration.ofSeconds(60));
                if (failure != null) {
                    throw failure;
                }
            }
        };
    }

    static EventSink ndjson(Path file) {
        EventCodec codec = new EventCodec();
        try {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            return new EventSink() {
                @Override
                public void write(DossierEvent event) {
                    try {
                        out.write(codec.encode(event));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void close() {
                    try {
                        out.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
