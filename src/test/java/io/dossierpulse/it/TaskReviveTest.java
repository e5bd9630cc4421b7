package io.dossierpulse.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.dossier.DossierLedger;
import io.dossierpulse.domain.dossier.Effects;
import io.dossierpulse.domain.indicators.Measure;
import io.dossierpulse.domain.indicators.Tally;
import io.dossierpulse.domain.sla.SlaEngine;
import io.dossierpulse.streams.StoreQueries;
import io.dossierpulse.support.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real revive on a real broker: while the service announces deadlines as they pass, its
 * stream thread's transactional producer is fenced again and again by another producer with the same
 * transactional.id, so Kafka Streams aborts the open transaction and revives its tasks (init runs
 * again on the restored stores). Read with read_committed, every expected announcement is there
 * exactly once, and the counters equal their closed form.
 */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(io.dossierpulse.support.AsAdmin.class)
@WithTestResource(KafkaBrokerResource.class)
class TaskReviveTest {

    private static final int DOSSIERS = 3_000;
    private static final String PROCEDURE = "XX-REVIVE";
    private static final String AGENCY = "P-REVIVE";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KafkaStreams streams;

    @BeforeEach
    void ready() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void aRevivedTaskNeitherSkipsNorRepeatsAnAnnouncement() throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        // Accepted now, an unregistered procedure with the source's own due a few seconds ahead: the
        // breaches fall due one after another over about ten seconds of wall-clock time.
        Instant accepted = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<DossierEvent> events = new ArrayList<>();
        for (int i = 0; i < DOSSIERS; i++) {
            events.add(new DossierEvent("rv-" + i, "RV-" + i, 1, EventType.ACCEPTED, accepted, AGENCY, PROCEDURE,
                    Channel.ONLINE, accepted.plusSeconds(6).plusMillis(3L * i), null, null, null, null, null, null));
        }
        Set<String> expected = expectedAnnouncements(events);
        assertTrue(expected.size() >= DOSSIERS, "every dossier owes at least its breach");

        double createdBefore = tasksCreated();
        // XX-REVIVE is not in the catalog: counted in the UNREGISTERED bucket, which other tests fill
        // too (earlier, never at the same time): the closed form is of what this test adds.
        LocalDate acceptedOn = accepted.atOffset(ZoneOffset.ofHours(7)).toLocalDate();
        Tally counted = unregistered(acceptedOn);
        String transactionalId = streamThreadTransactionalId();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        EventCodec codec = new EventCodec();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (DossierEvent e : events) {
                producer.send(new ProducerRecord<>("dossier.events", e.dossierId(), codec.encode(e)));
            }
            producer.flush();
        }
        // Fence the stream thread's transactions while the announcements are being made.
        Thread.sleep(Duration.between(Instant.now(), accepted.plusSeconds(6)).toMillis());
        for (int i = 0; i < 30; i++) {
            fence(bootstrap, transactionalId);
            Thread.sleep(250);
        }

        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = committedReader(bootstrap)) {
            consumer.subscribe(List.of("dossier.sla-events"));
            long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            long quietSince = System.nanoTime();
            while (System.nanoTime() < until) {
                int before = seen.size();
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode n = JSON.readTree(r.value());
                    if (r.key().startsWith("RV-")) {
                        seen.add(n.get("id").asText());
                    }
                }
                if (seen.size() != before) {
                    quietSince = System.nanoTime();
                }
                // Done once everything expected came and nothing more for five seconds.
                if (seen.size() >= expected.size() && System.nanoTime() - quietSince > 5_000_000_000L) {
                    break;
                }
            }
        }
        Set<String> missing = new java.util.TreeSet<>(expected);
        missing.removeAll(seen);
        Set<String> extra = new java.util.TreeSet<>(seen);
        extra.removeAll(expected);
        assertEquals(0, missing.size() + extra.size(), missing.size() + " missing (e.g. "
                + missing.stream().limit(5).toList() + "), " + extra.size() + " unexpected (e.g. "
                + extra.stream().limit(5).toList() + ") of " + expected.size());
        assertEquals(expected.size(), seen.size(), "none repeated");
        assertTrue(tasksCreated() > createdBefore, "the fencing revived the stream thread's tasks");

        Tally t = unregistered(acceptedOn);
        assertEquals(DOSSIERS, t.get(Measure.ACCEPTED) - counted.get(Measure.ACCEPTED));
        assertEquals(DOSSIERS, t.get(Measure.OPEN_OVERDUE) - counted.get(Measure.OPEN_OVERDUE));
        assertEquals(counted.get(Measure.OPEN_ON_TIME), t.get(Measure.OPEN_ON_TIME));
    }

    private Tally unregistered(LocalDate day) {
        return StoreQueries.procedureTally(streams, io.dossierpulse.domain.dossier.DossierLedger.UNREGISTERED, day, day);
    }

    /** Closed form: each dossier's deadlines, from the domain, as the SLA events' ids. */
    private static Set<String> expectedAnnouncements(List<DossierEvent> events) {
        DossierLedger ledger = new DossierLedger(ProcedureCatalog.loadDefault(), SlaEngine.standard());
        Set<String> out = new HashSet<>();
        Effects fx = new Effects();
        for (DossierEvent e : events) {
            fx.clear();
            ledger.apply(null, e, System.currentTimeMillis(), false, false, fx);
            for (var d : io.dossierpulse.domain.dossier.Deadline.values()) {
                long at = ledger.deadlineSecond(fx.next(), d);
                if (at != io.dossierpulse.domain.sla.SlaClock.NONE) {
                    out.add(e.dossierId() + "/" + d.announcedAs().name() + "/" + at);
                }
            }
        }
        return out;
    }

    /** Under exactly_once_v2 a stream thread's producer has the transactional.id {@code <client id>-<thread index>}. */
    private String streamThreadTransactionalId() {
        for (ThreadMetadata t : streams.metadataForLocalThreads()) {
            for (String producer : t.producerClientIds()) {
                int at = producer.lastIndexOf("-StreamThread-");
                if (at > 0 && producer.endsWith("-producer")) {
                    String index = producer.substring(at + "-StreamThread-".length(), producer.length() - "-producer".length());
                    return producer.substring(0, at) + "-" + index;
                }
            }
        }
        throw new IllegalStateException("no stream thread producer found");
    }

    private static void fence(String bootstrap, String transactionalId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        try (KafkaProducer<byte[], byte[]> zombieHunter = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            zombieHunter.initTransactions(); // bumps the epoch: the stream thread's next send or commit is fenced
        }
    }

    private double tasksCreated() {
        double n = 0;
        for (var e : streams.metrics().entrySet()) {
            if (e.getKey().name().equals("task-created-total")) {
                Metric m = e.getValue();
                n += ((Number) m.metricValue()).doubleValue();
            }
        }
        return n;
    }

    private static KafkaConsumer<String, byte[]> committedReader(String bootstrap) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "revive-reader");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
