package io.dossierpulse.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossierpulse.broker.EmbeddedKafkaBroker;
import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.streams.TopicInitializer;
import io.dossierpulse.support.KafkaBrokerResource;
import io.dossierpulse.support.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Kills the service with SIGKILL in the middle of a stream, restarts it on the same local state,
 * and checks with a read_committed consumer that every SLA event expected in closed form was
 * produced exactly once: none lost, none duplicated.
 *
 * <p>All dossiers of procedure HT-304 (3 working days) are accepted on Monday 3 March 2025 between
 * 09:00 and about 14:00, so each is at risk on Wednesday and due on Thursday. A third stays open
 * (at risk, breached), a third is resolved on Tuesday (nothing), a third a week later (at risk,
 * breached, resolved late).
 */
class ExactlyOnceRestartIT {

    private static final int DOSSIERS = 24_000;
    private static final List<String> DUPLICATES = new ArrayList<>();
    private static final List<String> UNEXPECTED = new ArrayList<>();
    private static final Map<String, Integer> EXPECTED = new HashMap<>();
    private static final Instant MONDAY_9 = OffsetDateTime.parse("2025-03-03T09:00:00+07:00").toInstant();

    @Test
    void noSlaEventLostOrDuplicatedAcrossAKill() throws Exception {
        Path dir = Files.createTempDirectory("pulse-eos");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("broker"), "127.0.0.1",
                KafkaBrokerResource.freePort(), KafkaBrokerResource.freePort())) {
            String bootstrap = broker.bootstrapServers();
            TopicInitializer.ensureTopics(bootstrap, 6, (short) 1,
                    io.dossierpulse.streams.TopologySettings.defaults().topics());
            Map<String, Integer> expected = produce(bootstrap);
            EXPECTED.putAll(expected);

            Path state = dir.resolve("state");
            ServiceProcess first = ServiceProcess.start(bootstrap, state, Map.of());
            first.awaitReady(Duration.ofSeconds(90));
            awaitSomeSlaEvents(bootstrap);
            first.kill();

            try (ServiceProcess second = ServiceProcess.start(bootstrap, state, Map.of())) {
                second.awaitReady(Duration.ofSeconds(90));
                int total = expected.values().stream().mapToInt(Integer::intValue).sum();
                Map<String, Integer> seen = readCommitted(bootstrap, total, Duration.ofSeconds(120));
                assertEquals(total, seen.values().stream().mapToInt(Integer::intValue).sum(),
                        "SLA events read with read_committed; duplicates such as " + DUPLICATES + "; unexpected such as " + UNEXPECTED
                                + "; first instance log: " + dir.resolve("state.log"));
                List<String> duplicated = seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                        .limit(5).toList();
                assertTrue(duplicated.isEmpty(), "duplicated: " + duplicated);
                assertEquals(new TreeMap<>(expected), new TreeMap<>(seen));
            }
        }
    }

    /** Produces the events in event-time order; returns the SLA events expected, by "dossier:kind". */
    private static Map<String, Integer> produce(String bootstrap) throws Exception {
        List<DossierEvent> events = new ArrayList<>();
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < DOSSIERS; i++) {
            String id = "EOS-" + i;
            Instant accepted = MONDAY_9.plusSeconds(i / 2);
            events.add(event(id, 1, EventType.ACCEPTED, accepted));
            switch (i % 3) {
                case 0 -> {
                    expected.put(id + ":AT_RISK", 1);
                    expected.put(id + ":BREACHED", 1);
                }
                case 1 -> events.add(event(id, 2, EventType.RESOLVED, accepted.plus(Duration.ofDays(1))));
                default -> {
                    events.add(event(id, 2, EventType.RESOLVED, accepted.plus(Duration.ofDays(7))));
                    expected.put(id + ":AT_RISK", 1);
                    expected.put(id + ":BREACHED", 1);
                    expected.put(id + ":RESOLVED_LATE", 1);
                }
            }
        }
        events.sort(Comparator.comparing(DossierEvent::occurredAt));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        EventCodec codec = new EventCodec();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (DossierEvent e : events) {
                producer.send(new ProducerRecord<>("dossier.events", e.dossierId(), codec.encode(e)));
            }
            producer.flush();
        }
        return expected;
    }

    private static DossierEvent event(String id, long seq, EventType type, Instant at) {
        return new DossierEvent(id + "-" + seq, id, seq, type, at, "P-BD-PHUCXA", "HT-304",
                type == EventType.ACCEPTED ? Channel.ONLINE : null, null, null, null, null, null, null, null);
    }

    /** Waits until SLA events start to appear (uncommitted included): the kill then lands mid-stream. */
    private static void awaitSomeSlaEvents(String bootstrap) {
        try (KafkaConsumer<String, byte[]> c = consumer(bootstrap, "read_uncommitted")) {
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < until) {
                if (!c.poll(Duration.ofMillis(100)).isEmpty()) {
                    return;
                }
            }
        }
        throw new AssertionError("no SLA event within 60 s");
    }

    private static Map<String, Integer> readCommitted(String bootstrap, int expected, Duration timeout)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> seen = new HashMap<>();
        int count = 0;
        long until = System.nanoTime() + timeout.toNanos();
        long quietUntil = Long.MAX_VALUE;
        try (KafkaConsumer<String, byte[]> c = consumer(bootstrap, "read_committed")) {
            while (System.nanoTime() < until && System.nanoTime() < quietUntil) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    JsonNode e = json.readTree(r.value());
                    String key = e.get("subject").asText() + ":" + e.at("/data/kind").asText();
                    if (!EXPECTED.containsKey(key) && UNEXPECTED.size() < 5) {
                        UNEXPECTED.add(key + " time " + e.get("time").asText() + " deadline "
                                + e.at("/data/deadline").asText());
                    }
                    if (seen.merge(key, 1, Integer::sum) > 1 && DUPLICATES.size() < 5) {
                        DUPLICATES.add(key + " partition " + r.partition() + " offset " + r.offset() + " time "
                                + e.get("time").asText());
                    }
                    count++;
                }
                if (count >= expected && quietUntil == Long.MAX_VALUE) {
                    // Keep reading a little longer: a duplicate would show up now.
                    quietUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                }
            }
        }
        return seen;
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap, String isolation) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "eos-check-" + isolation + "-" + System.nanoTime());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of("dossier.sla-events"));
        return consumer;
    }
}
