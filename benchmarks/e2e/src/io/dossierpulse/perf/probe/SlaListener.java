package io.dossierpulse.perf.probe;

import io.dossierpulse.perf.report.SlaEventFields;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the SLA announcements as a subscriber would, read_committed, from the start of the topic,
 * and keeps those of probe dossiers with the wall-clock time each was consumed. The other
 * announcements (generated traffic) are only counted.
 */
public final class SlaListener implements AutoCloseable {

    /** One announcement as read: {@code kind} is the data's kind, e.g. AT_RISK or BREACHED. */
    public record Announcement(String kind, Instant deadline, long consumedAtMillis) {
    }

    private final String bootstrap;
    private final String topic;
    private final String probePrefix;
    private final Map<String, List<Announcement>> byDossier = new ConcurrentHashMap<>();
    private final AtomicLong others = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;

    public SlaListener(String bootstrap, String topic, String probePrefix) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.probePrefix = probePrefix;
        thread = new Thread(this::loop, "sla-listener");
        thread.setDaemon(true);
        thread.start();
    }

    /** The announcements read so far for a dossier. */
    public List<Announcement> of(String dossierId) {
        return byDossier.getOrDefault(dossierId, List.of());
    }

    /** Announcements read for dossiers that are not probes. */
    public long others() {
        return others.get();
    }

    public long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
    }

    /** Throws when the reader has stopped on an error. */
    public void check() {
        if (failure.get() != null) {
            throw new IllegalStateException("the SLA event reader failed", failure.get());
        }
    }

    private void loop() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "latency-sla-listener");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = c;
            List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            while (running) {
                var records = c.poll(Duration.ofMillis(200));
                long at = System.currentTimeMillis();
                for (ConsumerRecord<String, byte[]> r : records) {
                    read(r.value(), at);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                failure.compareAndSet(null, e);
            }
        } catch (RuntimeException | IOException e) {
            failure.compareAndSet(null, e);
        }
    }

    private void read(byte[] value, long consumedAt) throws IOException {
        SlaEventFields f = SlaEventFields.parse(value);
        if (f.dossierId() == null || !f.dossierId().startsWith(probePrefix)) {
            others.incrementAndGet();
            return;
        }
        byDossier.computeIfAbsent(f.dossierId(), k -> new CopyOnWriteArrayList<>())
                .add(new Announcement(f.kind(), f.deadline(), consumedAt));
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
