package io.dossierpulse.perf.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic as a subscriber sees it (read_committed), from given offsets to its end, and refuses
 * to return a count that would miss records. Three things can make such a read short without any
 * error from the consumer, and each is checked:
 *
 * <ul>
 *   <li>a transaction still open: a read_committed reader stops at the last stable offset, the first
 *       offset of the oldest open transaction. The read first waits, a bounded time, until every
 *       partition's last stable offset equals its high watermark;
 *   <li>records deleted before they were read: retention moves a partition's log start offset past the
 *       offset to start from. A consumer that seeks there would, with Kafka's default
 *       {@code auto.offset.reset=latest}, silently jump to the end and read nothing. Here the log start
 *       offsets are checked first, and the consumer's reset policy is {@code none}, so that a deletion
 *       during the read fails it too;
 *   <li>a read that stops making progress.
 * </ul>
 *
 * Each ends in an {@link IncompleteRead} whose message says which partition and why.
 */
final class CommittedRecords {

    interface Each {
        void accept(int partition, byte[] key, byte[] value) throws Exception;
    }

    /** The read could not cover every committed record of the range: its count must not be reported. */
    static final class IncompleteRead extends Exception {
        private static final long serialVersionUID = 1L;

        IncompleteRead(String message) {
            super(message);
        }

        IncompleteRead(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * One partition's offsets at one moment.
     *
     * @param start the log start offset (retention moves it)
     * @param stable the last stable offset, where read_committed readers stop
     * @param end the high watermark
     */
    record Span(long start, long stable, long end) {

        boolean settled() {
            return stable == end;
        }
    }

    private static final long STALL_NANOS = 60_000_000_000L;
    /** How long a transaction may stay open after the writer closed before the read gives up. */
    private static final long SETTLE_NANOS = 60_000_000_000L;
    private static final long SETTLE_POLL_MILLIS = 200;
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private CommittedRecords() {
    }

    /**
     * Where a topic's next records will start: its end once no transaction is open on it (then the
     * last stable offset and the high watermark are the same offset).
     */
    static Map<TopicPartition, Long> settledEnds(String bootstrap, String topic) throws IncompleteRead {
        try (Admin admin = admin(bootstrap)) {
            Map<TopicPartition, Long> ends = new LinkedHashMap<>();
            settle(admin, topic).forEach((tp, s) -> ends.put(tp, s.end()));
            return ends;
        }
    }

    /**
     * @param from where to start in each partition; a partition not in it is read from its log start.
     *     An offset given here that retention has already deleted fails the read.
     * @return records read (aborted ones and transaction markers are not records here)
     */
    static long read(String bootstrap, String topic, Map<TopicPartition, Long> from, Each each) throws Exception {
        Map<TopicPartition, Span> spans;
        try (Admin admin = admin(bootstrap)) {
            spans = settle(admin, topic);
        }
        Map<TopicPartition, Long> start = new LinkedHashMap<>();
        for (Map.Entry<TopicPartition, Span> e : spans.entrySet()) {
            TopicPartition tp = e.getKey();
            Span s = e.getValue();
            Long wanted = from.get(tp);
            if (wanted == null) {
                start.put(tp, s.start());
                continue;
            }
            if (wanted < s.start()) {
                throw new IncompleteRead(String.format("%s: offsets %,d to %,d were deleted before they could be"
                        + " read (the log now starts at %,d); check the topic's retention.ms against the records'"
                        + " timestamps", tp, wanted, s.start() - 1, s.start()));
            }
            if (wanted > s.end()) {
                throw new IncompleteRead(String.format("%s ends at %,d, before the offset %,d to read from: the"
                        + " topic was truncated or recreated", tp, s.end(), wanted));
            }
            start.put(tp, wanted);
        }

        long count = 0;
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
            List<TopicPartition> partitions = new ArrayList<>(spans.keySet());
            c.assign(partitions);
            for (TopicPartition tp : partitions) {
                c.seek(tp, start.get(tp));
            }
            long lastProgress = System.nanoTime();
            while (!partitions.stream().allMatch(tp -> c.position(tp) >= spans.get(tp).end())) {
                int n = 0;
                try {
                    for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                        if (r.offset() < spans.get(new TopicPartition(r.topic(), r.partition())).end()) {
                            each.accept(r.partition(), r.key(), r.value());
                            n++;
                        }
                    }
                } catch (InvalidOffsetException e) {
                    throw new IncompleteRead(topic + ": records were deleted while being read, after " + count
                            + " (" + e.getMessage() + ")", e);
                }
                count += n;
                if (n > 0) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL_NANOS) {
                    throw new IncompleteRead(String.format("%s: nothing more read for 60 s after %,d records;"
                            + " positions %s, ends %s", topic, count, positions(c, partitions), spans));
                }
            }
        }
        return count;
    }

    /**
     * Waits, a bounded time, until no transaction is open on any partition of the topic: a
     * read_committed reader would otherwise stop at the oldest open one and miss what it commits.
     */
    private static Map<TopicPartition, Span> settle(Admin admin, String topic) throws IncompleteRead {
        long deadline = System.nanoTime() + SETTLE_NANOS;
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            while (true) {
                Map<TopicPartition, Span> spans = spans(admin, partitions);
                List<TopicPartition> open = spans.entrySet().stream().filter(e -> !e.getValue().settled())
                        .map(Map.Entry::getKey).toList();
                if (open.isEmpty()) {
                    return spans;
                }
                if (System.nanoTime() > deadline) {
                    throw new IncompleteRead(String.format("%s: a transaction is still open %d s after the writer"
                            + " closed, so a read_committed read would stop before its records: %s", topic,
                            SETTLE_NANOS / 1_000_000_000L, describeOpen(admin, open, spans)));
                }
                Thread.sleep(SETTLE_POLL_MILLIS);
            }
        } catch (IncompleteRead e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IncompleteRead(topic + ": interrupted while waiting for open transactions", e);
        } catch (Exception e) {
            throw new IncompleteRead(topic + ": its offsets could not be listed (" + e + ")", e);
        }
    }

    private static Map<TopicPartition, Span> spans(Admin admin, List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, Long> start = offsets(admin, partitions, OffsetSpec.earliest(),
                IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, Long> stable = offsets(admin, partitions, OffsetSpec.latest(),
                IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest(),
                IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, Span> spans = new LinkedHashMap<>();
        for (TopicPartition tp : partitions) {
            spans.put(tp, new Span(start.get(tp), stable.get(tp), end.get(tp)));
        }
        return spans;
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec,
            IsolationLevel isolation) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, ListOffsetsResultInfo> info = admin.listOffsets(request,
                new ListOffsetsOptions(isolation)).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        info.forEach((tp, i) -> offsets.put(tp, i.offset()));
        return offsets;
    }

    /** The partitions still unsettled, with the producers whose transactions hold them, for the message. */
    private static String describeOpen(Admin admin, List<TopicPartition> open, Map<TopicPartition, Span> spans) {
        StringBuilder sb = new StringBuilder();
        Map<TopicPartition, List<ProducerState>> producers = Map.of();
        try {
            Map<TopicPartition, List<ProducerState>> found = new LinkedHashMap<>();
            admin.describeProducers(open).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .forEach((tp, state) -> found.put(tp, state.activeProducers()));
            producers = found;
        } catch (Exception e) {
            sb.append("(producers not described: ").append(e.getMessage()).append(") ");
        }
        for (TopicPartition tp : open) {
            Span s = spans.get(tp);
            sb.append(String.format("%s last stable offset %,d, high watermark %,d", tp, s.stable(), s.end()));
            for (ProducerState p : producers.getOrDefault(tp, List.of())) {
                if (p.currentTransactionStartOffset().isPresent()) {
                    sb.append(String.format(", open transaction of producer %d (epoch %d) from offset %,d",
                            p.producerId(), p.producerEpoch(), p.currentTransactionStartOffset().getAsLong()));
                }
            }
            sb.append("; ");
        }
        return sb.toString();
    }

    private static Map<TopicPartition, Long> positions(KafkaConsumer<byte[], byte[]> c, List<TopicPartition> ps) {
        Map<TopicPartition, Long> positions = new LinkedHashMap<>();
        ps.forEach(tp -> positions.put(tp, c.position(tp)));
        return positions;
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "e2e-output-check-admin"));
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "e2e-output-check");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // An offset that is no longer there fails the read instead of moving it silently to the end.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
