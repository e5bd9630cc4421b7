package io.dossierpulse.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.dossier.Deadline;
import io.dossierpulse.domain.dossier.DossierLedger;
import io.dossierpulse.domain.dossier.DossierState;
import io.dossierpulse.domain.dossier.Effects;
import io.dossierpulse.domain.indicators.Tally;
import io.dossierpulse.domain.sla.SlaClock;
import io.dossierpulse.domain.sla.SlaEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * Model-based test of the announcement rule (docs/architecture.md, "When a deadline is announced").
 * Random sequences of events (in order, out of order across dossiers, back-dated batches, duplicates)
 * and wall-clock advances are applied both to the production topology (TopologyTestDriver) and to a
 * brute-force reference that, at every step, looks at every dossier's pending deadlines from its
 * current state (no index, no cache, no batching). After every step the set of announcements made so
 * far must be equal, and at the end of a sequence the counters too. The seed of a failing sequence
 * is printed; rerun it alone with {@code -Dmodel.seed=<seed> -Dmodel.sequences=1}.
 */
class AnnouncementModelTest {

    private static final int SEQUENCES = Integer.getInteger("model.sequences", 1000);
    private static final long FIRST_SEED = Long.getLong("model.seed", System.nanoTime());
    private static final String[] PROCEDURES = {"HT-304", "HT-306", "HT-310", "HT-301", "HT-314", "XX-UNREGISTERED"};
    private static final String[] AGENCIES = {"P-BD-PHUCXA", "P-HK-HANGBAC", "Q-BD"};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ProcedureCatalog CATALOG = ProcedureCatalog.loadDefault();
    private static final SlaEngine ENGINE = SlaEngine.standard();

    sealed interface Step permits Send, Advance {
    }

    record Send(DossierEvent event) implements Step {
    }

    record Advance(long millis) implements Step {
    }

    @Test
    void announcementsAndCountersEqualABruteForceReference() throws Exception {
        for (int i = 0; i < SEQUENCES; i++) {
            long seed = FIRST_SEED + i;
            try {
                runSequence(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("sequence with seed " + seed + " failed (rerun: -Dmodel.seed=" + seed
                        + " -Dmodel.sequences=1)", e);
            }
        }
    }

    private void runSequence(long seed) throws Exception {
        Random random = new Random(seed);
        Instant start = Instant.parse("2025-03-03T01:00:00Z").plus(Duration.ofDays(random.nextInt(120)));
        List<List<DossierEvent>> dossiers = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int d = 0; d < count; d++) {
            dossiers.add(history(random, "M" + seed + "-" + d, start.plus(Duration.ofHours(random.nextInt(96)))));
        }
        long wall0 = start.toEpochMilli() - 3_600_000L + random.nextInt(3_600_000);
        List<Step> steps = schedule(random, dossiers, wall0);
        TopologySettings settings = TopologySettings.defaults();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "model-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("model-test").toString());
        DossierLedger ledger = new DossierLedger(CATALOG, ENGINE, Events.AHEAD_OF_THE_CLOCK);
        try (TopologyTestDriver driver = new TopologyTestDriver(DossierTopology.build(settings,
                new PipelineMetrics(new SimpleMeterRegistry()), ledger, CounterPublisher.NONE, InputLag.NONE), props,
                Instant.ofEpochMilli(wall0))) {
            TestInputTopic<String, byte[]> input = driver.createInputTopic(settings.eventsTopic(),
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            TestOutputTopic<String, byte[]> output = driver.createOutputTopic(settings.slaTopic(),
                    Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
            Reference reference = new Reference(settings, ledger, wall0);
            Set<String> announced = new TreeSet<>();
            long wall = wall0;
            int index = 0;
            boolean trace = Boolean.getBoolean("model.trace");
            for (Step step : steps) {
                if (trace) {
                    System.out.println("STEP " + index + " wall=" + Instant.ofEpochMilli(wall) + " " + step);
                }
                if (step instanceof Send s) {
                    input.pipeInput(s.event().dossierId(), Events.CODEC.encode(s.event()), wall);
                    reference.send(s.event(), wall);
                } else if (step instanceof Advance a) {
                    wall += a.millis();
                    driver.advanceWallClockTime(Duration.ofMillis(a.millis()));
                    reference.advance(wall);
                }
                for (byte[] v : output.readValuesToList()) {
                    String id = JSON.readTree(v).get("id").asText();
                    assertEquals(true, announced.add(id), "announced twice: " + id);
                }
                assertEquals(reference.announced, announced, "announcements after step " + index + " " + step);
                index++;
            }
            assertEquals(reference.counters(), storedCounters(driver.getKeyValueStore(DossierTopology.COUNTER_STORE)),
                    "counters at the end");
        }
    }

    private static Map<String, Tally> storedCounters(KeyValueStore<String, Tally> store) {
        Map<String, Tally> out = new TreeMap<>();
        try (KeyValueIterator<String, Tally> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, Tally> kv = it.next();
                if (!kv.value.isZero()) {
                    out.put(kv.key, kv.value);
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------ generated traffic

    /** One dossier's events in seq order, times nondecreasing, some left open; illegal ones are allowed. */
    private static List<DossierEvent> history(Random r, String id, Instant accepted) {
        String procedure = PROCEDURES[r.nextInt(PROCEDURES.length)];
        String agency = AGENCIES[r.nextInt(AGENCIES.length)];
        List<DossierEvent> out = new ArrayList<>();
        Instant t = accepted;
        out.add(event(id, 1, EventType.ACCEPTED, t, agency, procedure, r.nextInt(4) == 0 ? t.plus(Duration.ofDays(2)) : null));
        int steps = r.nextInt(6);
        EventType[] middle = {EventType.PROCESSING, EventType.SUPPLEMENT_REQUESTED, EventType.SUPPLEMENT_RECEIVED,
            EventType.APOLOGY_ISSUED, EventType.TRANSFERRED, EventType.FEE_REQUESTED, EventType.FEE_PAID};
        for (int i = 0; i < steps; i++) {
            t = t.plus(Duration.ofMinutes(1 + r.nextInt(60 * 24 * 3)));
            out.add(event(id, out.size() + 1, middle[r.nextInt(middle.length)], t, agency, procedure, null));
        }
        if (r.nextInt(4) != 0) {
            t = t.plus(Duration.ofMinutes(1 + r.nextInt(60 * 24 * 6)));
            out.add(event(id, out.size() + 1, r.nextInt(5) == 0 ? EventType.WITHDRAWN : EventType.RESOLVED, t, agency,
                    procedure, null));
            if (r.nextBoolean()) {
                t = t.plus(Duration.ofMinutes(1 + r.nextInt(60 * 24)));
                out.add(event(id, out.size() + 1, EventType.RESULT_RETURNED, t, agency, procedure, null));
            }
        }
        return out;
    }

    private static DossierEvent event(String id, long seq, EventType type, Instant at, String agency, String procedure,
            Instant dueAt) {
        Channel channel = type == EventType.ACCEPTED ? Channel.ONLINE : null;
        return new DossierEvent(id + "-" + seq, id, seq, type, at, agency, procedure, channel, dueAt,
                type == EventType.TRANSFERRED ? "Q-BD" : null,
                type == EventType.APOLOGY_ISSUED ? at.plus(Duration.ofDays(2)) : null, null, null, null, null);
    }

    /**
     * Interleaves the dossiers' events (each dossier in its own order) with wall-clock advances, in one of
     * three manners: live (the wall clock follows event time), a replay of history (the wall clock far
     * ahead, occasionally idle), or live traffic into which whole back-dated histories arrive as a batch.
     */
    private static List<Step> schedule(Random r, List<List<DossierEvent>> dossiers, long wall0) {
        int manner = r.nextInt(3);
        List<DossierEvent> merged = new ArrayList<>();
        List<List<DossierEvent>> batches = new ArrayList<>();
        int[] next = new int[dossiers.size()];
        boolean[] batched = new boolean[dossiers.size()];
        for (int d = 0; d < dossiers.size(); d++) {
            batched[d] = manner == 2 && d > 0 && r.nextBoolean();
            if (batched[d]) {
                batches.add(dossiers.get(d));
            }
        }
        while (true) {
            int pick = -1;
            for (int d = 0; d < dossiers.size(); d++) {
                if (!batched[d] && next[d] < dossiers.get(d).size() && (pick < 0 || (manner == 1 && r.nextInt(3) == 0)
                        || (manner != 1 && dossiers.get(d).get(next[d]).occurredAt()
                                .isBefore(dossiers.get(pick).get(next[pick]).occurredAt())))) {
                    pick = d;
                }
            }
            if (pick < 0) {
                break;
            }
            merged.add(dossiers.get(pick).get(next[pick]++));
        }
        List<Step> steps = new ArrayList<>();
        long wall = manner == 1 ? wall0 + Duration.ofDays(500).toMillis() : wall0;
        if (manner == 1) {
            steps.add(new Advance(wall - wall0));
        }
        List<DossierEvent> sent = new ArrayList<>();
        for (DossierEvent e : merged) {
            if (manner != 1 && e.occurredAt().toEpochMilli() > wall) {
                long to = e.occurredAt().toEpochMilli() + r.nextInt(2_000);
                wall = advanceInSteps(r, steps, wall, to);
            }
            steps.add(new Send(e));
            sent.add(e);
            if (!batches.isEmpty() && r.nextInt(4) == 0) {
                for (DossierEvent b : batches.remove(0)) {
                    steps.add(new Send(b));
                    sent.add(b);
                    if (r.nextInt(3) == 0) {
                        steps.add(new Advance(r.nextInt(400)));
                    }
                }
            }
            if (r.nextInt(6) == 0) {
                steps.add(new Send(sent.get(r.nextInt(sent.size())))); // a duplicate
            }
            if (r.nextInt(5) == 0) {
                long idle = r.nextInt(4) == 0 ? 1_000 + r.nextInt(6_000) : r.nextInt(300);
                steps.add(new Advance(idle));
                wall += idle;
            }
        }
        for (List<DossierEvent> batch : batches) {
            batch.forEach(b -> steps.add(new Send(b)));
        }
        // The end: the wall clock runs on past every deadline, in steps that let the scans run.
        advanceInSteps(r, steps, wall, Math.max(wall, merged.isEmpty() ? wall : merged.get(merged.size() - 1)
                .occurredAt().toEpochMilli()) + Duration.ofDays(30).toMillis());
        return steps;
    }

    /** Advances to {@code to} in a few jumps of random size, each followed by a scan. */
    private static long advanceInSteps(Random r, List<Step> steps, long wall, long to) {
        long w = wall;
        while (w < to) {
            long jump = Math.min(to - w, r.nextInt(3) == 0 ? 100 + r.nextInt(5_000) : 1 + (long) (r.nextDouble()
                    * Duration.ofHours(30).toMillis()));
            steps.add(new Advance(jump));
            w += jump;
        }
        return w;
    }

    // ------------------------------------------------------------ the reference

    /**
     * The rule, computed the plain way: per-dossier states in a map, every pending deadline of every
     * dossier looked at on every scan. It mirrors the task's clock and scan schedule (a scan when the
     * wall clock passes the next scan time, and one whenever an event moves event time forward).
     */
    private static final class Reference {
        final Set<String> announced = new TreeSet<>();
        private final TopologySettings settings;
        private final DossierLedger ledger;
        private final Map<String, DossierState> states = new TreeMap<>();
        private final Map<String, Tally> counters = new TreeMap<>();
        private final Effects fx = new Effects();
        private final long interval;
        private long nextScan;
        private long maxEventSecond = Long.MIN_VALUE;
        private long lastEventWall;

        Reference(TopologySettings settings, DossierLedger ledger, long wall0) {
            this.settings = settings;
            this.ledger = ledger;
            this.interval = settings.scanInterval().toMillis();
            this.nextScan = wall0 + interval;
            this.lastEventWall = wall0;
        }

        void send(DossierEvent e, long wall) {
            long at = e.occurredAt().getEpochSecond();
            long lateness = settings.allowedLateness().toSeconds();
            boolean late = maxEventSecond != Long.MIN_VALUE && at < maxEventSecond - lateness;
            boolean replaying = wall / 1000 - at > settings.liveLag().toSeconds();
            lastEventWall = wall;
            if (at > maxEventSecond) {
                maxEventSecond = at;
                scan(Math.min(at, TaskClock.wallHorizon(wall)) - lateness, wall, replaying);
            }
            fx.clear();
            ledger.apply(states.get(e.dossierId()), e, wall, late, replaying, fx);
            record();
        }

        void advance(long wall) {
            if (wall < nextScan) {
                return;
            }
            // Kafka Streams keeps wall-clock punctuations on their grid: missed ones are skipped, not shifted.
            nextScan += ((wall - nextScan) / interval + 1) * interval;
            boolean live = (maxEventSecond != Long.MIN_VALUE
                    && wall / 1000 - maxEventSecond <= settings.liveLag().toSeconds())
                    || wall - lastEventWall >= settings.idleToLive().toMillis();
            long lateness = settings.allowedLateness().toSeconds();
            long horizon = live ? TaskClock.wallHorizon(wall) - lateness
                    : maxEventSecond == Long.MIN_VALUE ? Long.MIN_VALUE : maxEventSecond - lateness;
            scan(horizon, wall, !live);
        }

        /** Every dossier, every kind: the earliest passed deadline of a settled dossier fires, until none is left. */
        private void scan(long horizon, long wall, boolean byEventTime) {
            for (String id : List.copyOf(states.keySet())) {
                while (true) {
                    DossierState s = states.get(id);
                    Deadline first = null;
                    long firstSecond = Long.MAX_VALUE;
                    for (Deadline d : Deadline.values()) {
                        long at = ledger.deadlineSecond(s, d);
                        if (at != SlaClock.NONE && at < horizon && at < firstSecond) {
                            first = d;
                            firstSecond = at;
                        }
                    }
                    if (first == null || !DossierLedger.settled(s, wall, settings.settleTime().toMillis())) {
                        break;
                    }
                    fx.clear();
                    ledger.fire(s, first, byEventTime ? firstSecond * 1000 : wall, fx);
                    record();
                }
            }
        }

        private void record() {
            if (fx.next() != null) {
                states.put(fx.next().dossierId(), fx.next());
            }
            for (int i = 0; i < fx.counts(); i++) {
                String key = LocalDate.ofEpochDay(fx.countDay(i)) + "|" + fx.countAgency(i) + "|" + fx.procedureCode();
                counters.computeIfAbsent(key, k -> new Tally()).add(fx.countMeasure(i), fx.countDelta(i));
            }
            for (int i = 0; i < fx.announcements(); i++) {
                announced.add(fx.announced(i).dossierId() + "/" + fx.type(i).name() + "/" + fx.deadlineSecond(i));
            }
        }

        Map<String, Tally> counters() {
            Map<String, Tally> out = new TreeMap<>();
            counters.forEach((k, v) -> {
                if (!v.isZero()) {
                    out.put(k, v);
                }
            });
            return out;
        }
    }
}
