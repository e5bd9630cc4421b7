package io.dossierpulse.perf.stage;

import io.dossierpulse.perf.probe.ResourceUsage;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Stage (a): how fast one plain consumer reads the topic on this machine. No group, no commits, no
 * deserialisation beyond the bytes; it touches each value's length so that nothing is skipped. The
 * settings Kafka Streams would use are kept where they matter: read_committed and 1,000 records per
 * poll.
 */
public final class RawConsumeStage {

    private static final long PROGRESS_NANOS = 5_000_000_000L;
    private static final long STALL_NANOS = 120_000_000_000L;

    private RawConsumeStage() {
    }

    public static StageResult run(String bootstrap, List<TopicPartition> partitions, long expected, PrintStream out) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "e2e-consume");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        ResourceUsage before = ResourceUsage.start();
        long started = System.nanoTime();
        long firstRecordAt = -1;
        long count = 0;
        long bytes = 0;
        long lastReport = started;
        long lastReportCount = 0;
        long lastProgress = started;
        ResourceUsage after;
        long done;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (count < expected) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                if (!records.isEmpty()) {
                    if (firstRecordAt < 0) {
                        firstRecordAt = now;
                    }
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        count++;
                        bytes += r.value() == null ? 0 : r.value().length;
                    }
                    lastProgress = now;
                } else if (now - lastProgress > STALL_NANOS) {
                    throw new IllegalStateException("the consumer read nothing for two minutes at " + count);
                }
                if (now - lastReport >= PROGRESS_NANOS) {
                    out.printf("  consume: %,d of %,d (%.1f%%), %,.0f events/s%n", count, expected,
                            100.0 * count / expected, (count - lastReportCount) / ((now - lastReport) / 1e9));
                    lastReport = now;
                    lastReportCount = count;
                }
            }
            done = System.nanoTime();
            after = ResourceUsage.now();
        }
        if (count != expected) {
            throw new IllegalStateException("read " + count + " records, expected " + expected);
        }
        return new StageResult("consume", count, (done - started) / 1e9, (firstRecordAt - started) / 1e9,
                before.until(after), List.of(String.format("read %,d value bytes (%.0f bytes per record)", bytes,
                        (double) bytes / count)), expected, List.of());
    }
}
