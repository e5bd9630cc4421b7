package io.dossierpulse.feed;

import io.dossierpulse.app.KafkaClientSettings;
import io.dossierpulse.streams.DeadLetters;
import io.dossierpulse.streams.TopicNames;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/pulse dlq stats|replay}: what is in the dead-letter topic, and sending chosen dead
 * letters back to the input topic once their cause is fixed (a catalog entry added, a source system
 * corrected). A replayed record is the original bytes and key, without the {@code dlq.*} headers; the
 * processor decides it again like any event, so a replay of what was already applied is a duplicate.
 */
@Command(name = "dlq", mixinStandardHelpOptions = true, description = "Inspect and replay the dead-letter topic.",
        subcommands = {DeadLetterCli.Stats.class, DeadLetterCli.Replay.class})
public final class DeadLetterCli implements Runnable {

    public static int run(String... args) {
        return new CommandLine(new DeadLetterCli()).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "say stats or replay");
    }

    /** Where to read. */
    static final class Source {
        @Option(names = "--bootstrap", defaultValue = "127.0.0.1:9092",
                description = "Kafka bootstrap servers (default ${DEFAULT-VALUE}); security from the kafka.* settings")
        String bootstrap;

        @Option(names = "--dlq-topic", defaultValue = TopicNames.DEAD_LETTERS, description = "default ${DEFAULT-VALUE}")
        String topic;

        /** Reads every committed dead letter present now, from the beginning to the current end. */
        void readAll(Consumer<ConsumerRecord<byte[], byte[]>> each) {
            Map<String, Object> p = KafkaClientSettings.forClient(bootstrap, "dossier-pulse-dlq-cli");
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                c.assign(parts);
                c.seekToBeginning(parts);
                Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
                while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                    for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                        if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                            each.accept(r);
                        }
                    }
                }
            }
        }
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Dead letters by reason.")
    static final class Stats implements Callable<Integer> {
        @Mixin
        Source source = new Source();

        @Override
        public Integer call() {
            Map<String, Long> byReason = new TreeMap<>();
            long[] total = {0};
            source.readAll(r -> {
                byReason.merge(String.valueOf(header(r, DeadLetters.REASON)), 1L, Long::sum);
                total[0]++;
            });
            PrintStream out = System.out;
            byReason.forEach((reason, n) -> out.printf("%-22s %,12d%n", reason, n));
            out.printf("%-22s %,12d%n", "total", total[0]);
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Send chosen dead letters back to the input topic, without their dlq.* headers.")
    static final class Replay implements Callable<Integer> {
        @Mixin
        Source source = new Source();

        @Option(names = "--to-topic", defaultValue = TopicNames.EVENTS, description = "default ${DEFAULT-VALUE}")
        String target;

        @Option(names = "--reason", description = "only these reasons (repeatable), e.g. NOT_STARTED")
        Set<String> reasons;

        @Option(names = "--dossier", description = "only the dead letters keyed by this dossierId")
        String dossier;

        @Option(names = "--since", description = "only those rejected at or after this instant (ISO-8601)")
        Instant since;

        @Option(names = "--until", description = "only those rejected before this instant (ISO-8601)")
        Instant until;

        @Option(names = "--partition", description = "only this partition of the dead-letter topic")
        Integer partition;

        @Option(names = "--from-offset", defaultValue = "0", description = "only offsets at or above (with --partition)")
        long fromOffset;

        @Option(names = "--to-offset", defaultValue = "9223372036854775807", description = "only offsets below (with --partition)")
        long toOffset;

        @Option(names = "--dry-run", description = "count what would be replayed; send nothing")
        boolean dryRun;

        boolean chosen(ConsumerRecord<byte[], byte[]> r) {
            // Only letters of the topic replayed to, with their bytes: a portal-sync letter keeps none of its
            // input (it may have held personal data), so the source posts it again instead.
            String from = header(r, DeadLetters.SOURCE_TOPIC);
            if (r.value() == null || from != null && !from.isEmpty() && !from.equals(target)) {
                return false;
            }
            if (reasons != null && !reasons.contains(header(r, DeadLetters.REASON))) {
                return false;
            }
            if (dossier != null && (r.key() == null || !dossier.equals(new String(r.key(), StandardCharsets.UTF_8)))) {
                return false;
            }
            if (partition != null && (r.partition() != partition || r.offset() < fromOffset || r.offset() >= toOffset)) {
                return false;
            }
            if (since != null || until != null) {
                String at = header(r, DeadLetters.REJECTED_AT);
                Instant rejected = at == null ? Instant.ofEpochMilli(r.timestamp()) : Instant.parse(at);
                return (since == null || !rejected.isBefore(since)) && (until == null || rejected.isBefore(until));
            }
            return true;
        }

        @Override
        public Integer call() {
            List<ConsumerRecord<byte[], byte[]>> picked = new ArrayList<>();
            long[] read = {0};
            source.readAll(r -> {
                read[0]++;
                if (chosen(r)) {
                    picked.add(r);
                }
            });
            System.err.printf("%,d dead letters read, %,d chosen%n", read[0], picked.size());
            if (dryRun || picked.isEmpty()) {
                System.out.printf("%s %,d%n", dryRun ? "would replay" : "replayed", dryRun ? picked.size() : 0);
                return 0;
            }
            Map<String, Object> p = KafkaClientSettings.forClient(source.bootstrap, "dossier-pulse-dlq-replay");
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            long sent = 0;
            java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
            long nextReport = System.nanoTime() + 2_000_000_000L;
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                for (ConsumerRecord<byte[], byte[]> r : picked) {
                    RecordHeaders kept = new RecordHeaders();
                    for (Header h : r.headers()) {
                        if (!h.key().startsWith(DeadLetters.HEADER_PREFIX)) {
                            kept.add(h);
                        }
                    }
                    producer.send(new ProducerRecord<>(target, null, r.key(), r.value(), kept), (md, e) -> {
                        if (e != null) {
                            failed.incrementAndGet();
                        }
                    });
                    sent++;
                    if (System.nanoTime() >= nextReport) {
                        System.err.printf("replayed %,d / %,d (%d%%)%n", sent, picked.size(), sent * 100 / picked.size());
                        nextReport = System.nanoTime() + 2_000_000_000L;
                    }
                }
                producer.flush();
            }
            System.out.printf("replayed %,d%n", sent - failed.get());
            if (failed.get() > 0) {
                System.err.printf("%,d could not be sent; run the replay again (a second copy is a duplicate)%n",
                        failed.get());
                return 1;
            }
            return 0;
        }
    }
}
