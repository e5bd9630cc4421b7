package io.dossierpulse.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.dossier.DossierState;
import io.dossierpulse.domain.dossier.DossierLedger;
import io.dossierpulse.domain.indicators.Measure;
import io.dossierpulse.domain.indicators.Tally;
import io.dossierpulse.domain.sla.Outcome;
import io.dossierpulse.domain.sla.SlaEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SLA clock inside the topology, driven with wall-clock advances. Procedure HT-304 has a limit
 * of 3 working days: accepted Wednesday 12 March 2025 10:00 it is due Monday 17 March 10:00, and at
 * risk (one working day left) Friday 14 March 10:00.
 */
class SlaTrackingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant WED_10 = at("2025-03-12T10:00:00+07:00");
    private static final Instant FRI_10 = at("2025-03-14T10:00:00+07:00");
    private static final Instant MON_10 = at("2025-03-17T10:00:00+07:00");
    private static final String AGENCY = "P-BD-PHUCXA";
    private static final String PROCEDURE = "HT-304";

    private TopologyTestDriver driver;
    private SimpleMeterRegistry registry;
    private TestInputTopic<String, byte[]> input;
    private TestOutputTopic<String, byte[]> sla;
    private KeyValueStore<String, DossierState> dossiers;
    private KeyValueStore<String, Tally> counters;

    private static Instant at(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    private void start(Instant wallClock) throws Exception {
        start(wallClock, CounterPublisher.NONE);
    }

    private void start(Instant wallClock, CounterPublisher publisher) throws Exception {
        start(wallClock, publisher, TopologySettings.defaults());
    }

    private void start(Instant wallClock, CounterPublisher publisher, TopologySettings settings) throws Exception {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sla-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("sla-test").toString());
        registry = new SimpleMeterRegistry();
        driver = new TopologyTestDriver(DossierTopology.build(settings,
                new PipelineMetrics(registry),
                new DossierLedger(ProcedureCatalog.loadDefault(), SlaEngine.standard(), Events.AHEAD_OF_THE_CLOCK),
                publisher, InputLag.NONE),
                props, wallClock);
        input = driver.createInputTopic("dossier.events", Serdes.String().serializer(), Serdes.ByteArray().serializer());
        sla = driver.createOutputTopic("dossier.sla-events", Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        dossiers = driver.getKeyValueStore(DossierTopology.DOSSIER_STORE);
        counters = driver.getKeyValueStore(DossierTopology.COUNTER_STORE);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    private void send(String id, long seq, EventType type, Instant when) {
        send(id, seq, type, when, null);
    }

    private void send(String id, long seq, EventType type, Instant when, Instant newDueAt) {
        Channel channel = type == EventType.SUBMITTED || type == EventType.ACCEPTED ? Channel.ONLINE : null;
        DossierEvent e = new DossierEvent(id + "-" + seq, id, seq, type, when, AGENCY, procedureOf(id), channel, null,
                type == EventType.TRANSFERRED ? "Q-BD" : null, newDueAt, true, true, false, null);
        input.pipeInput(id, Events.CODEC.encode(e), when);
    }

    private static String procedureOf(String id) {
        return id.startsWith("STEP") ? "HT-314" : PROCEDURE;
    }

    private List<JsonNode> slaEvents() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (byte[] v : sla.readValuesToList()) {
            out.add(JSON.readTree(v));
        }
        return out;
    }

    private void advanceTo(Instant wall) {
        driver.advanceWallClockTime(Duration.between(wallNow, wall));
        wallNow = wall;
    }

    private Instant wallNow;

    @Test
    void everyAnnouncementSaysItIsAStructuredCloudEvent() throws Exception {
        wallNow = WED_10;
        start(wallNow);
        send("D-CE", 1, EventType.ACCEPTED, WED_10);
        advanceTo(FRI_10.plusSeconds(1));
        List<org.apache.kafka.streams.test.TestRecord<String, byte[]>> records = sla.readRecordsToList();
        assertEquals(1, records.size());
        org.apache.kafka.common.header.Header h = records.get(0).headers().lastHeader(SlaEventCodec.CONTENT_TYPE_HEADER);
        assertEquals(SlaEventCodec.STRUCTURED_CONTENT_TYPE,
                new String(h.value(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(1, records.get(0).headers().toArray().length, "one header, nothing else");
        // As a downstream system reads it: the CloudEvents SDK's Kafka deserializer recognises the event.
        try (io.cloudevents.kafka.CloudEventDeserializer sdk = new io.cloudevents.kafka.CloudEventDeserializer()) {
            io.cloudevents.CloudEvent ce = sdk.deserialize("dossier.sla-events", records.get(0).headers(),
                    records.get(0).value());
            assertEquals("io.dossierpulse.sla.at_risk", ce.getType());
            assertEquals("D-CE", ce.getSubject());
            assertEquals(java.net.URI.create(SlaEventCodec.SOURCE), ce.getSource());
            assertEquals("AT_RISK", new com.fasterxml.jackson.databind.ObjectMapper().readTree(ce.getData().toBytes())
                    .get("kind").asText());
        }
    }

    @Test
    void inBinaryModeTheAttributesAreHeadersAndTheValueIsTheData() throws Exception {
        wallNow = WED_10;
        start(wallNow, CounterPublisher.NONE, TopologySettings.defaults().withSlaEventMode(SlaEventCodec.Mode.BINARY));
        send("D-BIN", 1, EventType.ACCEPTED, WED_10);
        advanceTo(FRI_10.plusSeconds(1));
        org.apache.kafka.streams.test.TestRecord<String, byte[]> r = sla.readRecord();
        assertEquals("1.0", new String(r.headers().lastHeader("ce_specversion").value(),
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(SlaEventCodec.BINARY_CONTENT_TYPE, new String(r.headers().lastHeader(
                SlaEventCodec.CONTENT_TYPE_HEADER).value(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("AT_RISK", JSON.readTree(r.value()).get("kind").asText(), "the value is the data alone");
        try (io.cloudevents.kafka.CloudEventDeserializer sdk = new io.cloudevents.kafka.CloudEventDeserializer()) {
            io.cloudevents.CloudEvent ce = sdk.deserialize("dossier.sla-events", r.headers(), r.value());
            assertEquals("io.dossierpulse.sla.at_risk", ce.getType());
            assertEquals("D-BIN", ce.getSubject());
            assertEquals("D-BIN/AT_RISK/" + FRI_10.getEpochSecond(), ce.getId());
            assertEquals("AT_RISK", JSON.readTree(ce.getData().toBytes()).get("kind").asText());
        }
        // The live feed shows either mode as the whole structured event.
        JsonNode whole = JSON.readTree(SlaEventCodec.structured(r.headers(), r.value()));
        assertEquals("D-BIN", whole.get("subject").asText());
        assertEquals("AT_RISK", whole.at("/data/kind").asText());
        assertEquals("1.0", whole.get("specversion").asText());
    }

    private Tally tally(String date) {
        Tally t = counters.get(date + "|" + AGENCY + "|" + PROCEDURE);
        return t == null ? new Tally() : t;
    }

    @Test
    void aBreachIsAnnouncedWithinOneScanOfItsDeadlineNotAtTheNextWholeSecond() throws Exception {
        wallNow = WED_10;
        start(wallNow);
        send("D8", 1, EventType.ACCEPTED, WED_10);
        advanceTo(FRI_10.plusSeconds(1));
        assertEquals(List.of("AT_RISK"), slaEvents().stream().map(e -> e.at("/data/kind").asText()).toList());
        advanceTo(MON_10);
        assertTrue(slaEvents().isEmpty(), "at its due instant a dossier is still on time");
        advanceTo(MON_10.plusMillis(200));
        List<JsonNode> breach = slaEvents();
        assertEquals(List.of("BREACHED"), breach.stream().map(e -> e.at("/data/kind").asText()).toList());
        Instant detected = OffsetDateTime.parse(breach.get(0).at("/data/detectedAt").asText()).toInstant();
        assertTrue(!detected.isBefore(MON_10) && detected.isBefore(MON_10.plusSeconds(1)),
                "detected within the second after the deadline, not a second later: " + detected);
    }

    @Test
    void wallHorizonPassesADeadlineAsSoonAsTheClockIsPastIt() {
        long due = MON_10.getEpochSecond();
        // Deadlines strictly before the horizon are announced.
        assertEquals(due, TaskClock.wallHorizon(due * 1000), "exactly at the due: not yet");
        assertEquals(due + 1, TaskClock.wallHorizon(due * 1000 + 1));
        assertEquals(due + 1, TaskClock.wallHorizon(due * 1000 + 999));
        assertEquals(due + 1, TaskClock.wallHorizon(due * 1000 + 1000));
        assertEquals(-1, TaskClock.wallHorizon(-1000));
        assertEquals(0, TaskClock.wallHorizon(-999));
    }

    @Test
    void publishedAgencyDayPartialsAreTheSumOfTheStoredProcedureCounters() throws Exception {
        Map<String, Tally> published = new HashMap<>();
        wallNow = WED_10;
        start(wallNow, (partition, epochDay, agency, partial) ->
                published.put(LocalDate.ofEpochDay(epochDay) + "|" + agency, partial));
        send("D6", 1, EventType.SUBMITTED, WED_10);
        send("D6", 2, EventType.ACCEPTED, WED_10.plusSeconds(60));
        send("STEP6", 1, EventType.SUBMITTED, WED_10.plusSeconds(120));
        advanceTo(WED_10.plusSeconds(1));
        String key = "2025-03-12|" + AGENCY;
        assertEquals(storedSum("2025-03-12"), published.get(key));
        assertEquals(2, published.get(key).received());

        // Later changes are added to the held sum, and published again equal to the store's.
        send("STEP6", 2, EventType.ACCEPTED, WED_10.plusSeconds(180));
        send("D7", 1, EventType.SUBMITTED, WED_10.plusSeconds(240));
        published.clear();
        advanceTo(WED_10.plusSeconds(2));
        assertEquals(storedSum("2025-03-12"), published.get(key));
        assertEquals(3, published.get(key).received());
        assertEquals(2, published.get(key).get(Measure.ACCEPTED));
    }

    private Tally storedSum(String date) {
        Tally sum = new Tally();
        for (String procedure : List.of(PROCEDURE, "HT-314")) {
            Tally t = counters.get(date + "|" + AGENCY + "|" + procedure);
            if (t != null) {
                sum.merge(t);
            }
        }
        return sum;
    }

    @Test
    void atRiskThenBreachWithoutAnyEventExactlyOnce() throws Exception {
        wallNow = WED_10;
        start(wallNow);
        send("D1", 1, EventType.ACCEPTED, WED_10);
        advanceTo(FRI_10.minusSeconds(5));
        assertTrue(slaEvents().isEmpty());
        advanceTo(FRI_10.plusSeconds(1));
        List<JsonNode> risk = slaEvents();
        assertEquals(1, risk.size());
        assertEquals("io.dossierpulse.sla.at_risk", risk.get(0).get("type").asText());
        assertEquals("AT_RISK", risk.get(0).at("/data/kind").asText());
        assertEquals(false, risk.get(0).at("/data/apologyRequired").asBoolean());

        advanceTo(MON_10.plusSeconds(1));
        List<JsonNode> breach = slaEvents();
        assertEquals(1, breach.size());
        JsonNode b = breach.get(0);
        assertEquals("1.0", b.get("specversion").asText());
        assertEquals("io.dossierpulse.sla.breached", b.get("type").asText());
        assertEquals("D1", b.get("subject").asText());
        assertEquals("D1/BREACHED/" + MON_10.getEpochSecond(), b.get("id").asText());
        assertEquals("2025-03-17T10:00:00+07:00", b.at("/data/dueAt").asText());
        assertEquals("2025-03-17T10:00:01+07:00", b.at("/data/detectedAt").asText());
        assertEquals(AGENCY, b.at("/data/agencyCode").asText());
        assertEquals(PROCEDURE, b.at("/data/procedureCode").asText());
        assertEquals(true, b.at("/data/apologyRequired").asBoolean());

        advanceTo(MON_10.plus(Duration.ofDays(10)));
        assertTrue(slaEvents().isEmpty(), "a deadline is announced once");
        assertEquals(1.0, registry.get("pulse.dossiers.overdue").gauge().value());
        assertEquals(1.0, registry.get("pulse.sla.events").tag("type", "BREACHED").counter().count());
        assertEquals(0, tally("2025-03-12").get(Measure.OPEN_ON_TIME));
        assertEquals(1, tally("2025-03-12").get(Measure.OPEN_OVERDUE));
    }

    @Test
    void resolvedOneMinuteBeforeTheDeadlineIsNeverBreached() throws Exception {
        wallNow = WED_10;
        start(wallNow);
        send("D2", 1, EventType.ACCEPTED, WED_10);
        advanceTo(MON_10.minusSeconds(60));
        assertEquals(1, slaEvents().size()); // at risk on Friday
        send("D2", 2, EventType.RESOLVED, MON_10.minusSeconds(60));
        advanceTo(MON_10.plus(Duration.ofDays(3)));
        assertTrue(slaEvents().isEmpty());
        assertEquals(Outcome.ON_TIME, dossiers.get("D2").outcome());
        assertEquals(0.0, registry.get("pulse.dossiers.overdue").gauge().value());
        Tally t = tally("2025-03-17");
        assertEquals(1, t.get(Measure.RESOLVED_ON_TIME));
        assertEquals(1, t.get(Measure.ENDED));
        assertEquals(1, t.get(Measure.ENDED_FEE_BEARING));
        assertEquals(1, t.get(Measure.ENDED_PAID_ONLINE));
        assertEquals(0, t.get(Measure.ENDED_DIGITIZED));
        assertEquals(0, tally("2025-03-12").open());
    }

    @Test
    void resolvedOneMinuteAfterTheDeadlineIsBreachedThenResolvedLate() throws Exception {
        wallNow = WED_10;
        start(wallNow);
        send("D3", 1, EventType.ACCEPTED, WED_10);
        advanceTo(MON_10.plusSeconds(30));
        send("D3", 2, EventType.RESOLVED, MON_10.plusSeconds(60));
        List<JsonNode> events = slaEvents();
        assertEquals(List.of("AT_RISK", "BREACHED", "RESOLVED_LATE"),
                events.stream().map(e -> e.at("/data/kind").asText()).toList());
        assertEquals(1, events.get(2).at("/data/overdueWorkingMinutes").asLong());
        assertEquals(Outcome.LATE, dossiers.get("D3").outcome());
        assertEquals(1, tally("2025-03-17").get(Measure.RESOLVED_LATE));
        assertEquals(0, tally("2025-03-12").open());
    }

    @Test
    void replayOfHistoryFiresInEventTimeOrderAndNeverBreachesWhatWasResolvedInTime() throws Exception {
        wallNow = at("2026-06-01T10:00:00+07:00"); // a year later: replaying history
        start(wallNow);
        send("H1", 1, EventType.ACCEPTED, WED_10);
        send("H2", 1, EventType.ACCEPTED, WED_10.plusSeconds(60));
        send("H1", 2, EventType.RESOLVED, MON_10.minusSeconds(60)); // one minute before its deadline
        send("H3", 1, EventType.ACCEPTED, MON_10.plus(Duration.ofHours(2)));
        List<JsonNode> events = slaEvents();
        // Both at-risk announcements (Friday), then only H2's breach; detected at event time.
        assertEquals(List.of("H1:AT_RISK", "H2:AT_RISK", "H2:BREACHED"),
                events.stream().map(e -> e.get("subject").asText() + ":" + e.at("/data/kind").asText()).toList());
        assertEquals("2025-03-17T10:01:00+07:00", events.get(2).at("/data/detectedAt").asText());
        // While events flow, the wall clock does not fire H3's deadline, which is in the future of event time.
        advanceTo(wallNow.plusSeconds(1));
        assertTrue(slaEvents().isEmpty());
        // Once idle (caught up), the wall clock drives the clock: H3 is long past due.
        advanceTo(wallNow.plusSeconds(5));
        assertEquals(List.of("H3:AT_RISK", "H3:BREACHED"), slaEvents().stream()
                .map(e -> e.get("subject").asText() + ":" + e.at("/data/kind").asText()).toList());
    }

    @Test
    void historyArrivingAfterAnIdlePeriodIsStillJudgedInEventTime() throws Exception {
        wallNow = at("2026-06-01T10:00:00+07:00");
        start(wallNow);
        send("I0", 1, EventType.ACCEPTED, wallNow); // a live dossier, then silence: the wall clock drives
        advanceTo(wallNow.plusSeconds(30));
        slaEvents();
        send("I1", 1, EventType.ACCEPTED, WED_10);
        send("I1", 2, EventType.RESOLVED, MON_10.minusSeconds(60));
        send("I2", 1, EventType.ACCEPTED, WED_10);
        send("I2", 2, EventType.RESOLVED, MON_10.plusSeconds(60));
        assertEquals(List.of("I1:AT_RISK", "I2:AT_RISK", "I2:BREACHED", "I2:RESOLVED_LATE"), slaEvents().stream()
                .map(e -> e.get("subject").asText() + ":" + e.at("/data/kind").asText()).toList());
    }

    @Test
    void aResolutionExactlyAtTheDueIsOnTimeAndNotBreached() throws Exception {
        wallNow = WED_10;
        start(wallNow);
        send("D7", 1, EventType.ACCEPTED, WED_10);
        advanceTo(MON_10.minusSeconds(1));
        slaEvents();
        send("D7", 2, EventType.RESOLVED, MON_10);
        advanceTo(MON_10.plus(Duration.ofDays(1)));
        assertTrue(slaEvents().isEmpty());
        assertEquals(Outcome.ON_TIME, dossiers.get("D7").outcome());
    }

    @Test
    void aSupplementPauseMovesTheDeadline() throws Exception {
        wallNow = WED_10;
        start(wallNow);
        send("D4", 1, EventType.ACCEPTED, WED_10);
        send("D4", 2, EventType.SUPPLEMENT_REQUESTED, at("2025-03-14T08:00:00+07:00"));
        advanceTo(MON_10.plus(Duration.ofHours(2)));
        assertTrue(slaEvents().isEmpty(), "no deadline passes while the clock is paused");
        // Paused Friday 08:00 to Tuesday 08:00: two working days, so due Wednesday 19 March 10:00.
        send("D4", 3, EventType.SUPPLEMENT_RECEIVED, at("2025-03-18T08:00:00+07:00"));
        advanceTo(at("2025-03-19T09:59:00+07:00"));
        assertEquals(List.of("AT_RISK"), slaEvents().stream().map(e -> e.at("/data/kind").asText()).toList());
        advanceTo(at("2025-03-19T10:00:01+07:00"));
        List<JsonNode> breach = slaEvents();
        assertEquals(1, breach.size());
        assertEquals("2025-03-19T10:00:00+07:00", breach.get(0).at("/data/dueAt").asText());
        assertEquals(1, tally("2025-03-14").get(Measure.SUPPLEMENT_REQUESTS));
    }

    @Test
    void aMissedReappointmentIsASecondDistinctBreach() throws Exception {
        wallNow = WED_10;
        start(wallNow);
        send("D5", 1, EventType.ACCEPTED, WED_10);
        Instant newDue = at("2025-03-19T17:00:00+07:00");
        send("D5", 2, EventType.APOLOGY_ISSUED, at("2025-03-17T09:00:00+07:00"), newDue);
        advanceTo(MON_10.plusSeconds(1));
        assertEquals(List.of("AT_RISK", "BREACHED"), slaEvents().stream().map(e -> e.at("/data/kind").asText()).toList());
        advanceTo(newDue.plusSeconds(1));
        List<JsonNode> second = slaEvents();
        assertEquals(1, second.size());
        assertEquals("REAPPOINTMENT_BREACHED", second.get(0).at("/data/kind").asText());
        assertEquals("2025-03-19T17:00:00+07:00", second.get(0).at("/data/dueAt").asText());
        advanceTo(newDue.plus(Duration.ofDays(5)));
        assertTrue(slaEvents().isEmpty());
        assertEquals(1, tally("2025-03-17").get(Measure.APOLOGIES));
    }

    @Test
    void twoSupplementRequestsMakeTheDossierLateWhateverItsEnd() throws Exception {
        wallNow = WED_10;
        start(wallNow);
        send("D6", 1, EventType.ACCEPTED, WED_10);
        send("D6", 2, EventType.SUPPLEMENT_REQUESTED, WED_10.plusSeconds(3600));
        send("D6", 3, EventType.SUPPLEMENT_RECEIVED, WED_10.plusSeconds(7200));
        send("D6", 4, EventType.SUPPLEMENT_REQUESTED, WED_10.plusSeconds(10800));
        assertEquals(1, tally("2025-03-12").get(Measure.OPEN_OVERDUE), "counted overdue at the second request");
        send("D6", 5, EventType.SUPPLEMENT_RECEIVED, WED_10.plusSeconds(14400));
        send("D6", 6, EventType.RESOLVED, WED_10.plusSeconds(18000));
        assertEquals(Outcome.LATE, dossiers.get("D6").outcome());
        assertEquals(1, tally("2025-03-12").get(Measure.RESOLVED_LATE));
        assertEquals(0, tally("2025-03-12").open());
    }

    @Test
    void aTransferMovesTheDossierToTheNextAgencyAndStep() throws Exception {
        wallNow = WED_10;
        start(wallNow);
        send("STEP1", 1, EventType.ACCEPTED, WED_10);
        send("STEP1", 2, EventType.TRANSFERRED, WED_10.plus(Duration.ofDays(1)));
        DossierState s = dossiers.get("STEP1");
        assertEquals("Q-BD", s.currentAgencyCode());
        assertEquals(AGENCY, s.receivingAgencyCode());
        assertNotNull(s.clock());
        assertEquals(1, s.clock().stepIndex());
        assertNotNull(s.clock().stepDueAt());
        assertNull(s.outcome());
    }
}
