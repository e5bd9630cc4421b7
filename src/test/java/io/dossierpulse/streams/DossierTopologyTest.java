package io.dossierpulse.streams;

import static io.dossierpulse.streams.Events.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.dossier.DossierState;
import io.dossierpulse.domain.dossier.DossierLedger;
import io.dossierpulse.domain.sla.SlaEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the production topology with TopologyTestDriver. */
class DossierTopologyTest {

    private static final TopologySettings SETTINGS = TopologySettings.defaults().withHold(Duration.ofMinutes(5), 3);

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> input;
    private TestOutputTopic<String, byte[]> dlq;
    private KeyValueStore<String, DossierState> dossiers;
    private SimpleMeterRegistry registry;

    @BeforeEach
    void setUp() throws Exception {
        registry = new SimpleMeterRegistry();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("topology-test").toString());
        driver = new TopologyTestDriver(DossierTopology.build(SETTINGS, new PipelineMetrics(registry),
                new DossierLedger(ProcedureCatalog.loadDefault(), SlaEngine.standard()), CounterPublisher.NONE,
                InputLag.NONE), props,
                Events.T0);
        input = driver.createInputTopic("dossier.events", Serdes.String().serializer(), Serdes.ByteArray().serializer());
        dlq = driver.createOutputTopic("dossier.events.dlq", Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        dossiers = driver.getKeyValueStore(DossierTopology.DOSSIER_STORE);
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private void send(String dossierId, long seq, EventType type) {
        input.pipeInput(dossierId, bytes(dossierId, seq, type));
    }

    private double counter(String name, String tag, String value) {
        return tag == null ? registry.get(name).counter().count() : registry.get(name).tag(tag, value).counter().count();
    }

    private static String header(TestRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void appliesALifecycleToTheStore() {
        send("D1", 1, EventType.SUBMITTED);
        send("D1", 2, EventType.ACCEPTED);
        send("D1", 3, EventType.PROCESSING);
        DossierState s = dossiers.get("D1");
        assertEquals(DossierStatus.PROCESSING, s.status());
        assertEquals(3, s.lastSeq());
        assertEquals(3, s.transitions());
        assertEquals("P-BD-PHUCXA", s.receivingAgencyCode());
        assertEquals(Events.T0.plusSeconds(60).toEpochMilli(), s.submittedAtMillis());
        assertEquals(Events.T0.plusSeconds(120).toEpochMilli(), s.acceptedAtMillis());
        assertTrue(dlq.isEmpty());
        assertEquals(1.0, counter("pulse.events.applied", "type", "ACCEPTED"));
    }

    @Test
    void dropsCopiesAndDeadLettersASeqClaimedByAnotherEvent() {
        send("D2", 1, EventType.SUBMITTED);
        send("D2", 1, EventType.SUBMITTED); // same eventId
        send("D2", 2, EventType.ACCEPTED);
        input.pipeInput("D2", Events.CODEC.encode(new io.dossierpulse.domain.DossierEvent("other-id", "D2", 2,
                EventType.ACCEPTED, Events.T0, "P-BD-PHUCXA", "HT-301", io.dossierpulse.domain.Channel.ONLINE, null,
                null, null, null, null, null, null))); // seq already applied, new eventId
        assertEquals(2, dossiers.get("D2").transitions());
        assertEquals(1.0, counter("pulse.events.duplicates", null, null));
        TestRecord<String, byte[]> conflict = dlq.readRecord();
        assertEquals("SEQ_CONFLICT", header(conflict, DeadLetters.REASON));
        assertTrue(dlq.isEmpty());
    }

    @Test
    void holdsAnEventUntilTheGapFills() {
        send("D3", 1, EventType.SUBMITTED);
        send("D3", 3, EventType.PROCESSING);
        assertEquals(1, dossiers.get("D3").lastSeq());
        send("D3", 2, EventType.ACCEPTED);
        DossierState s = dossiers.get("D3");
        assertEquals(3, s.lastSeq());
        assertEquals(DossierStatus.PROCESSING, s.status());
        assertEquals(1.0, counter("pulse.events.held", null, null));
        assertTrue(dlq.isEmpty());
    }

    @Test
    void aSecondCopyOfAHeldEventIsADuplicateAndTheFirstStaysHeld() {
        send("D3B", 1, EventType.SUBMITTED);
        send("D3B", 3, EventType.PROCESSING);
        send("D3B", 3, EventType.PROCESSING); // fuzzing found the second copy overwrote the first, uncounted
        assertEquals(1.0, counter("pulse.events.held", null, null));
        assertEquals(1.0, counter("pulse.events.duplicates", null, null));
        send("D3B", 2, EventType.ACCEPTED);
        assertEquals(3, dossiers.get("D3B").lastSeq());
        assertEquals(3.0, registry.get("pulse.events.applied").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum(), "seq 1, 2 and the held seq 3");
        assertTrue(dlq.isEmpty());
    }

    @Test
    void firstEventsOutOfOrderAreReordered() {
        send("D4", 2, EventType.ACCEPTED);
        assertNull(dossiers.get("D4"));
        send("D4", 1, EventType.SUBMITTED);
        assertEquals(DossierStatus.ACCEPTED, dossiers.get("D4").status());
    }

    @Test
    void givesUpAGapAfterTheHoldTimeoutAndRejectsTheLateSeq() {
        send("D5", 1, EventType.SUBMITTED);
        send("D5", 3, EventType.PROCESSING); // seq 2 (ACCEPTED) is late
        driver.advanceWallClockTime(Duration.ofMinutes(6));
        DossierState s = dossiers.get("D5");
        assertEquals(3, s.lastSeq());
        // SUBMITTED -> PROCESSING is illegal, so seq 3 itself is dead-lettered once released.
        TestRecord<String, byte[]> first = dlq.readRecord();
        assertEquals("ILLEGAL_TRANSITION", header(first, DeadLetters.REASON));
        send("D5", 2, EventType.ACCEPTED);
        TestRecord<String, byte[]> late = dlq.readRecord();
        assertEquals("SEQ_SKIPPED", header(late, DeadLetters.REASON));
        assertEquals(1.0, counter("pulse.events.seq.skipped", null, null));
    }

    @Test
    void afterAGapTheHeldEventsApplyInOrder() {
        send("D6", 1, EventType.SUBMITTED);
        send("D6", 4, EventType.PROCESSING);
        send("D6", 3, EventType.ACCEPTED);
        driver.advanceWallClockTime(Duration.ofMinutes(6));
        DossierState s = dossiers.get("D6");
        assertEquals(4, s.lastSeq());
        assertEquals(DossierStatus.PROCESSING, s.status());
        assertTrue(dlq.isEmpty());
    }

    @Test
    void deadLettersBytesThatAreNotAnEventWithTheirOrigin() {
        byte[] garbage = {0, 1, 2, 'x'};
        input.pipeInput("D7", garbage);
        TestRecord<String, byte[]> r = dlq.readRecord();
        assertArrayEquals(garbage, r.value());
        assertEquals("D7", r.key());
        assertEquals("NOT_JSON", header(r, DeadLetters.REASON));
        assertTrue(header(r, DeadLetters.MESSAGE).startsWith("malformed JSON"));
        assertEquals("dossier.events", header(r, DeadLetters.SOURCE_TOPIC));
        assertEquals("0", header(r, DeadLetters.SOURCE_PARTITION));
        assertEquals("0", header(r, DeadLetters.SOURCE_OFFSET));
        assertEquals(1.0, counter("pulse.events.rejected", "reason", "NOT_JSON"));
        // The partition is not blocked: the next record is processed.
        send("D7", 1, EventType.SUBMITTED);
        assertEquals(DossierStatus.SUBMITTED, dossiers.get("D7").status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStoredStateThatCannotBeReadQuarantinesItsDossierAndNothingElse() {
        // Bytes of an unknown layout version under dossier Q1, written below the typed store.
        var bytes = (org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>)
                ((org.apache.kafka.streams.state.internals.WrappedStateStore<?, ?, ?>) dossiers).wrapped();
        bytes.put(org.apache.kafka.common.utils.Bytes.wrap("Q1".getBytes(StandardCharsets.UTF_8)), new byte[] {9, 1, 1});
        send("Q1", 1, EventType.SUBMITTED);
        TestRecord<String, byte[]> r = dlq.readRecord();
        assertEquals("STATE_UNREADABLE", header(r, DeadLetters.REASON));
        assertTrue(header(r, DeadLetters.MESSAGE).contains("Q1"));
        assertEquals(1.0, registry.get("pulse.state.unreadable").counter().count());
        // The partition keeps flowing: another dossier is applied.
        send("Q2", 1, EventType.SUBMITTED);
        assertEquals(DossierStatus.SUBMITTED, dossiers.get("Q2").status());
        assertTrue(dlq.isEmpty());
    }

    @Test
    void deadLettersAKeyThatIsNotTheDossier() {
        input.pipeInput("WRONG", bytes("D8", 1, EventType.SUBMITTED));
        assertEquals("KEY_MISMATCH", header(dlq.readRecord(), DeadLetters.REASON));
        assertNull(dossiers.get("D8"));
        input.pipeInput(null, bytes("D8", 1, EventType.SUBMITTED));
        assertEquals("KEY_MISMATCH", header(dlq.readRecord(), DeadLetters.REASON));
    }

    @Test
    void illegalTransitionsUseUpTheirSeq() {
        send("D9", 1, EventType.SUBMITTED);
        send("D9", 2, EventType.RESOLVED); // not before acceptance
        send("D9", 3, EventType.ACCEPTED);
        assertEquals("ILLEGAL_TRANSITION", header(dlq.readRecord(), DeadLetters.REASON));
        DossierState s = dossiers.get("D9");
        assertEquals(DossierStatus.ACCEPTED, s.status());
        assertEquals(3, s.lastSeq());
    }

    @Test
    void nothingFollowsTheEnd() {
        send("D10", 1, EventType.ACCEPTED);
        send("D10", 2, EventType.RESULT_RETURNED);
        send("D10", 3, EventType.PROCESSING);
        TestRecord<String, byte[]> r = dlq.readRecord();
        assertEquals("DOSSIER_ENDED", header(r, DeadLetters.REASON));
        assertEquals(DossierStatus.RESULT_RETURNED, dossiers.get("D10").status());
    }

    @Test
    void boundsTheEventsHeldPerDossier() {
        send("D11", 1, EventType.SUBMITTED);
        for (int seq = 3; seq <= 6; seq++) {
            send("D11", seq, EventType.PROCESSING);
        }
        List<TestRecord<String, byte[]>> out = dlq.readRecordsToList();
        assertEquals(1, out.size());
        assertEquals("HOLD_OVERFLOW", header(out.get(0), DeadLetters.REASON));
        assertEquals("4", header(out.get(0), DeadLetters.SOURCE_OFFSET)); // seq 6, the fourth held

    }
}
