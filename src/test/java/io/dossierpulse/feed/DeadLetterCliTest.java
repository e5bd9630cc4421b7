package io.dossierpulse.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.broker.EmbeddedKafkaBroker;
import io.dossierpulse.streams.DeadLetters;
import io.dossierpulse.streams.TopicInitializer;
import io.dossierpulse.streams.TopicNames;
import io.dossierpulse.support.KafkaBrokerResource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code dlq stats} and {@code dlq replay} against a real broker: counts by reason, filters, headers stripped. */
class DeadLetterCliTest {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafkaBroker.start(Files.createTempDirectory("dlq-cli"), "127.0.0.1",
                KafkaBrokerResource.freePort(), KafkaBrokerResource.freePort());
        TopicInitializer.ensureTopics(broker.bootstrapServers(), 2, (short) 1, 1,
                List.of(TopicNames.EVENTS, TopicNames.DEAD_LETTERS));
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers",
                broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            letter(p, "D-1", "NOT_STARTED", "2026-01-01T00:00:00Z");
            letter(p, "D-2", "NOT_STARTED", "2026-02-01T00:00:00Z");
            letter(p, "D-3", "ILLEGAL_TRANSITION", "2026-02-01T00:00:00Z");
            // A portal-sync letter: it keeps none of its input's bytes, so there is nothing to replay.
            RecordHeaders portal = new RecordHeaders();
            portal.add(DeadLetters.REASON, "UNKNOWN_DOSSIER".getBytes(StandardCharsets.UTF_8));
            portal.add(DeadLetters.SOURCE_TOPIC, TopicNames.PORTAL_SYNC.getBytes(StandardCharsets.UTF_8));
            p.send(new ProducerRecord<>(TopicNames.DEAD_LETTERS, null, "D-4", null, portal));
            p.flush();
        }
    }

    private static void letter(KafkaProducer<String, String> p, String key, String reason, String at) {
        RecordHeaders h = new RecordHeaders();
        h.add(DeadLetters.REASON, reason.getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetters.REJECTED_AT, at.getBytes(StandardCharsets.UTF_8));
        h.add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));
        p.send(new ProducerRecord<>(TopicNames.DEAD_LETTERS, null, key, "{\"dossierId\":\"" + key + "\"}", h));
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static String run(String... args) {
        io.dossierpulse.support.Stdout.Run r = io.dossierpulse.support.Stdout.of(() -> DeadLetterCli.run(args));
        assertEquals(0, r.exitCode(), r.text());
        return r.text();
    }

    @Test
    void statsCountByReason() {
        String out = run("stats", "--bootstrap", broker.bootstrapServers());
        assertTrue(out.matches("(?s).*NOT_STARTED\\s+2\\b.*"), out);
        assertTrue(out.matches("(?s).*ILLEGAL_TRANSITION\\s+1\\b.*"), out);
        assertTrue(out.matches("(?s).*UNKNOWN_DOSSIER\\s+1\\b.*"), out);
        assertTrue(out.matches("(?s).*total\\s+4\\b.*"), out);
    }

    @Test
    void replaySendsTheChosenLettersBackWithoutTheirDeadLetterHeaders() {
        String dry = run("replay", "--bootstrap", broker.bootstrapServers(), "--reason", "NOT_STARTED", "--dry-run");
        assertTrue(dry.contains("would replay 2"), dry);
        assertEquals(List.of(), readInput(), "a dry run sends nothing");
        String portal = run("replay", "--bootstrap", broker.bootstrapServers(), "--dry-run");
        assertTrue(portal.contains("would replay 3"), "not the portal-sync letter: " + portal);

        String out = run("replay", "--bootstrap", broker.bootstrapServers(), "--reason", "NOT_STARTED",
                "--since", "2026-01-15T00:00:00Z");
        assertTrue(out.contains("replayed 1"), out);
        List<ConsumerRecord<byte[], byte[]>> input = readInput();
        assertEquals(1, input.size());
        assertEquals("D-2", new String(input.get(0).key(), StandardCharsets.UTF_8));
        assertEquals("{\"dossierId\":\"D-2\"}", new String(input.get(0).value(), StandardCharsets.UTF_8));
        List<String> headers = new ArrayList<>();
        input.get(0).headers().forEach(h -> headers.add(h.key()));
        assertEquals(List.of("traceparent"), headers, "dlq.* headers stripped, the others kept");
    }

    @Test
    void unknownOptionsAreRefused() {
        assertEquals(2, DeadLetterCli.run("replay", "--reasn", "X"));
        assertEquals(2, DeadLetterCli.run("purge"));
    }

    private static List<ConsumerRecord<byte[], byte[]>> readInput() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = List.of(new TopicPartition(TopicNames.EVENTS, 0),
                    new TopicPartition(TopicNames.EVENTS, 1));
            c.assign(parts);
            c.seekToBeginning(parts);
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            // Up to the end offsets known now: what the replay sent, flushed before it returned.
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < until) {
                c.poll(Duration.ofMillis(300)).forEach(out::add);
            }
            return out;
        }
    }
}
