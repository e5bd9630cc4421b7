package io.dossierpulse.perf;

import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.generator.GeneratorConfig;
import io.dossierpulse.generator.TrafficGenerator;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Fills the input topic with generated Hanoi traffic, keyed by dossier id as the contract requires,
 * with an idempotent producer (acks=all): every event lands exactly once and, per dossier, in order.
 * The generator runs on this thread (it is single-threaded by design); the producer's I/O thread and
 * the broker run alongside.
 */
final class Preloader {

    private static final ZoneOffset HANOI = ZoneOffset.ofHours(7);
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    record Result(long events, long valueBytes, double seconds, String firstDay, String lastDay, int peakOpenDossiers) {
    }

    private Preloader() {
    }

    static Result run(String bootstrap, String topic, long events, long seed, String compression, PrintStream out) {
        Properties p = bulkProducer(bootstrap, "e2e-preload", compression);
        TrafficGenerator generator = TrafficGenerator.hanoi(GeneratorConfig.defaults().withSeed(seed));
        EventCodec codec = new EventCodec();
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long bytes = 0;
        String firstDay = null;
        long started = System.nanoTime();
        long lastReport = started;
        long lastReportAcked = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (long i = 0; i < events; i++) {
                if (failure.get() != null) {
                    throw new IllegalStateException("the broker refused an event", failure.get());
                }
                DossierEvent e = generator.next();
                if (firstDay == null) {
                    firstDay = e.occurredAt().atOffset(HANOI).toLocalDate().toString();
                }
                byte[] value = codec.encode(e);
                bytes += value.length;
                producer.send(new ProducerRecord<>(topic, e.dossierId(), value), (md, ex) -> {
                    if (ex != null) {
                        failure.compareAndSet(null, ex);
                    } else {
                        acked.incrementAndGet();
                    }
                });
                long now = System.nanoTime();
                if (now - lastReport >= PROGRESS_NANOS) {
                    long a = acked.get();
                    out.printf("  preload: %,d generated, %,d acknowledged (%.1f%%), %,.0f events/s, simulated %s%n",
                            i + 1, a, 100.0 * a / events, (a - lastReportAcked) / ((now - lastReport) / 1e9),
                            generator.simulatedTime().atOffset(HANOI).toLocalDate());
                    lastReport = now;
                    lastReportAcked = a;
                }
            }
            producer.flush();
            producer.close(Duration.ofSeconds(60));
        }
        Preloader.checkAcknowledged(failure.get(), acked.get(), events);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(events, bytes, seconds, firstDay,
                generator.simulatedTime().atOffset(HANOI).toLocalDate().toString(), generator.peakOpenDossiers());
    }

    /** Producer settings of a preload: idempotent, large batches and a short linger, compressed. */
    static Properties bulkProducer(String bootstrap, String clientId, String compression) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // A bulk load, not a latency test.
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(64L << 20));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        return p;
    }

    /** Every event sent must have been acknowledged, or the measurement would be of fewer events. */
    static void checkAcknowledged(Exception failure, long acknowledged, long sent) {
        if (failure != null) {
            throw new IllegalStateException("the broker refused an event", failure);
        }
        if (acknowledged != sent) {
            throw new IllegalStateException("acknowledged " + acknowledged + " of " + sent + " events");
        }
    }
}
