package io.dossierpulse.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.dossier.DossierLedger;
import io.dossierpulse.domain.dossier.DossierState;
import io.dossierpulse.domain.sla.SlaEngine;
import io.dossierpulse.support.OpenCpsBodies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * National-portal sync bodies, built as opencps-v2 builds them, through the whole topology: split,
 * moved to their dossier's partition, translated, applied like any event; rejects dead-lettered
 * without their bytes; the portal's view going out; nothing personal anywhere.
 */
class PortalSyncTopologyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = OffsetDateTime.parse("2025-03-25T09:00:00+07:00").toInstant();

    private TopologyTestDriver driver;
    private SimpleMeterRegistry registry;
    private TestInputTopic<String, byte[]> portal;
    private TestOutputTopic<String, byte[]> dlq;
    private TestOutputTopic<String, byte[]> portalOut;
    private KeyValueStore<String, DossierState> dossiers;

    private void start() throws Exception {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "portal-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("portal-test").toString());
        registry = new SimpleMeterRegistry();
        driver = new TopologyTestDriver(DossierTopology.build(
                TopologySettings.defaults().withPortalSync(TopicNames.PORTAL_SYNC).withPortalOut(TopicNames.PORTAL_OUT), new PipelineMetrics(registry),
                new DossierLedger(ProcedureCatalog.loadDefault(), SlaEngine.standard(), Events.AHEAD_OF_THE_CLOCK),
                CounterPublisher.NONE, InputLag.NONE), props, NOW);
        portal = driver.createInputTopic(TopicNames.PORTAL_SYNC, Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        dlq = driver.createOutputTopic(TopicNames.DEAD_LETTERS, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        portalOut = driver.createOutputTopic(TopicNames.PORTAL_OUT, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        dossiers = driver.getKeyValueStore(DossierTopology.DOSSIER_STORE);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    private void send(OpenCpsBodies body) {
        // As a provincial system might: one record for many dossiers, keyed by nothing in particular.
        portal.pipeInput("batch-7", body.bytes(), NOW);
    }

    @Test
    void snapshotsBecomeTransitionsOnceAndRejectsKeepNothingPersonal() throws Exception {
        start();
        send(OpenCpsBodies.dongBo()
                .dossier("H26-0001", "HT-304", "4", "20250312100000", "20250317100000", "", "", "Phường Phúc Xá")
                .dossier("H26-0002", "HT-304", "9", "20250312100000", "20250317100000", "20250318150000", "",
                        "P-BD-PHUCXA")
                .dossier("H26-0003", "HT-304", "42", "20250312100000", "", "", "", "P-BD-PHUCXA"));
        DossierState first = dossiers.get("H26-0001");
        assertEquals(DossierStatus.PROCESSING, first.status());
        assertEquals("P-BD-PHUCXA", first.receivingAgencyCode());
        assertEquals(2, first.lastSeq(), "accepted, then processing");
        DossierState second = dossiers.get("H26-0002");
        assertEquals(DossierStatus.RESOLVED, second.status());
        assertEquals(OffsetDateTime.parse("2025-03-18T15:00:00+07:00").toInstant().toEpochMilli(),
                second.endedAtMillis());
        assertNull(dossiers.get("H26-0003"));

        List<TestRecord<String, byte[]>> letters = dlq.readRecordsToList();
        assertEquals(1, letters.size());
        TestRecord<String, byte[]> letter = letters.get(0);
        assertEquals("INVALID_VALUE", header(letter, DeadLetters.REASON));
        assertTrue(header(letter, DeadLetters.MESSAGE).startsWith("item 3: TrangThaiHoSo"),
                header(letter, DeadLetters.MESSAGE));
        assertEquals(TopicNames.PORTAL_SYNC, header(letter, DeadLetters.SOURCE_TOPIC));
        assertNull(OpenCpsBodies.personalIn(letter.value()));

        // The same body again (a retry): no transition made twice.
        send(OpenCpsBodies.dongBo()
                .dossier("H26-0001", "HT-304", "4", "20250312100000", "20250317100000", "", "", "Phường Phúc Xá"));
        assertEquals(2, dossiers.get("H26-0001").lastSeq());
        assertEquals(2.0, registry.get("pulse.portal.snapshots").tag("outcome", "APPLIED").counter().count());
        assertEquals(1.0, registry.get("pulse.portal.snapshots").tag("outcome", "UNCHANGED").counter().count());

        // A progress update: resolved at its own time, then the result returned.
        send(OpenCpsBodies.capNhatTienDo().progress("H26-0001", "10", "20250319160000"));
        DossierState done = dossiers.get("H26-0001");
        assertEquals(DossierStatus.RESULT_RETURNED, done.status());
        assertEquals(4, done.lastSeq());

        // A progress update of a dossier never introduced: a dead letter naming why.
        send(OpenCpsBodies.capNhatTienDo().progress("H26-9999", "4", "20250319160000"));
        TestRecord<String, byte[]> unknown = dlq.readRecord();
        assertEquals("UNKNOWN_DOSSIER", header(unknown, DeadLetters.REASON));
        assertNull(OpenCpsBodies.personalIn(unknown.value()));

        // Not JSON at all: dead-lettered whole, without the bytes.
        portal.pipeInput("x", ("{\"ChuHoSo\":\"" + OpenCpsBodies.APPLICANT).getBytes(StandardCharsets.UTF_8), NOW);
        TestRecord<String, byte[]> broken = dlq.readRecord();
        assertEquals("NOT_JSON", header(broken, DeadLetters.REASON));
        assertNull(broken.value());

        // What goes out to the portal: its shape, the latest status, nothing personal.
        List<TestRecord<String, byte[]>> out = portalOut.readRecordsToList();
        assertTrue(out.size() >= 6, "one per applied transition: " + out.size());
        for (TestRecord<String, byte[]> r : out) {
            assertNull(OpenCpsBodies.personalIn(r.value()));
        }
        JsonNode last = JSON.readTree(out.get(out.size() - 1).value());
        assertEquals("DongBoHoSoMC", last.get("service").asText());
        JsonNode item = last.get("data").get(0);
        assertEquals("H26-0001", item.get("MaHoSo").asText());
        assertEquals("10", item.get("TrangThaiHoSo").asText());
        assertEquals("20250312100000", item.get("NgayTiepNhan").asText());
        assertEquals("20250319160000", item.get("NgayTra").asText());
        assertEquals("P-BD-PHUCXA", item.get("DonViXuLy").asText());
    }

    private static String header(TestRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        assertNotNull(h, name);
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
