package io.dossierpulse.perf.report;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a topic as a subscriber sees it (read_committed), from given offsets to its end as found on entry. */
final class CommittedRecords {

    interface Each {
        void accept(byte[] key, byte[] value) throws Exception;
    }

    private static final long STALL_NANOS = 60_000_000_000L;

    private CommittedRecords() {
    }

    /** Committed end offsets (the last stable offsets) of every partition of a topic. */
    static Map<TopicPartition, Long> ends(String bootstrap, String topic) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
            return c.endOffsets(partitions(c, topic));
        }
    }

    /**
     * @param from where to start in each partition; a partition not in it is read from its beginning
     * @return records read (aborted ones and transaction markers are not records here)
     */
    static long read(String bootstrap, String topic, Map<TopicPartition, Long> from, Each each) throws Exception {
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
            List<TopicPartition> partitions = partitions(c, topic);
            c.assign(partitions);
            for (TopicPartition tp : partitions) {
                c.seek(tp, from.getOrDefault(tp, 0L));
            }
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            long lastProgress = System.nanoTime();
            while (!partitions.stream().allMatch(tp -> c.position(tp) >= end.get(tp))) {
                int n = 0;
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    each.accept(r.key(), r.value());
                    n++;
                }
                count += n;
                if (n > 0) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL_NANOS) {
                    throw new IllegalStateException("nothing more read from " + topic + " for 60 s after " + count);
                }
            }
        }
        return count;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c, String topic) {
        return c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "e2e-output-check");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
