package io.dossierpulse.perf;

import io.dossierpulse.broker.EmbeddedKafkaBroker;
import io.dossierpulse.perf.load.Preloader;
import io.dossierpulse.perf.report.E2eSummary;
import io.dossierpulse.perf.report.MachineInfo;
import io.dossierpulse.perf.report.OutputChecksums;
import io.dossierpulse.perf.stage.FloorPipeline;
import io.dossierpulse.perf.stage.FullPipeline;
import io.dossierpulse.perf.stage.PeerPipeline;
import io.dossierpulse.perf.stage.RawConsumeStage;
import io.dossierpulse.perf.stage.StageResult;
import io.dossierpulse.perf.stage.StreamsSettings;
import io.dossierpulse.perf.stage.StreamsStage;
import io.dossierpulse.perf.stage.Topics;
import io.dossierpulse.streams.TopicInitializer;
import io.dossierpulse.streams.TopologySettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.Topology;

/**
 * End-to-end throughput on one machine, measured against Kafka's own floor. One JVM starts a real
 * KRaft broker on free loopback ports in a fresh directory, preloads the input topic with generated
 * Hanoi traffic, then reads the same topic up to four times, one stage after the other:
 *
 * <ol>
 *   <li>consume: a plain consumer over all partitions;
 *   <li>floor: the minimal stateful exactly-once Kafka Streams application (one RocksDB put per record);
 *   <li>full: the Dossier Pulse topology, whose output is then checksummed;
 *   <li>peer: the same job written in the Kafka Streams DSL the way its documentation teaches it.
 * </ol>
 *
 * It prints the rate of each, the ratios and, last, one {@code RESULT} line. See docs/benchmarks.md.
 */
public final class E2eBenchmark {

    /** What every stage of one run shares. */
    private record Run(E2eOptions o, Path dir, String runId, String bootstrap, Map<String, String> streams,
            Admin admin, List<TopicPartition> input, long events, PrintStream out) {
    }

    private E2eBenchmark() {
    }

    public static void main(String[] args) {
        HarnessMain.run("end-to-end benchmark", args, E2eOptions::parse, E2eOptions.USAGE, E2eBenchmark::run);
    }

    private static void run(E2eOptions o, PrintStream out) throws Exception {
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = o.keepDir() != null ? o.keepDir() : Files.createTempDirectory("pulse-e2e-");
        Files.createDirectories(dir);
        TopologySettings topics = TopologySettings.defaults();

        out.println("== Dossier Pulse end-to-end benchmark, run " + runId);
        MachineInfo.lines(dir).forEach(l -> out.println("  " + l));
        Map<String, String> streams = streamsSettings(o, out);

        List<StageResult> results = new ArrayList<>();
        OutputChecksums output = null;
        long events;
        int partitionCount;
        long started = System.nanoTime();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("broker"), "127.0.0.1",
                HarnessMain.freePort(), HarnessMain.freePort());
        try {
            String bootstrap = broker.bootstrapServers();
            out.printf("  broker: %s, data in %s%n", bootstrap, dir.resolve("broker").toAbsolutePath());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.CLIENT_ID_CONFIG, "e2e-admin"))) {
                TopicInitializer.ensureTopics(bootstrap, o.partitions(), (short) 1,
                        topics.topics());
                // The full stage replays 2025: its announcements carry their deadline as timestamp, so the
                // broker's 7-day time retention would delete them at its first check, 30 s after the
                // start, before the output is read. The run keeps them (no time limit on this topic).
                Topics.keepForever(admin, topics.slaTopic());
                out.printf("  %s: retention.ms=-1 for this run (its records are stamped with 2025 deadlines)%n",
                        topics.slaTopic());
                List<TopicPartition> input = Topics.partitions(admin, topics.eventsTopic());
                partitionCount = input.size();
                if (partitionCount != o.partitions()) {
                    out.printf("  note: the kept topic has %d partitions; --partitions %d is ignored%n",
                            partitionCount, o.partitions());
                }
                preload(o, bootstrap, topics.eventsTopic(), admin, input, out);
                events = Topics.endOffsets(admin, input);
                out.printf("  input: %,d events; %.1f MB on disk%n", events,
                        Topics.sizes(admin).getOrDefault(topics.eventsTopic(), 0L) / 1e6);

                Run run = new Run(o, dir, runId, bootstrap, streams, admin, input, events, out);
                for (String stage : o.stages()) {
                    out.printf("%n== Stage %s (load average %s)%n", stage, MachineInfo.loadAverage());
                    StageResult r = switch (stage) {
                        case "consume" -> RawConsumeStage.run(bootstrap, input, events, out);
                        case "floor" -> {
                            FloorPipeline floor = new FloorPipeline();
                            yield streamsStage(run, "floor", floor.topology(topics.eventsTopic()), floor::notes,
                                    StreamsStage.AfterClose.NONE);
                        }
                        case "full" -> {
                            FullPipeline full = new FullPipeline();
                            output = new OutputChecksums(bootstrap, topics.slaTopic(), full::slaAnnounced);
                            output.markStart();
                            yield streamsStage(run, "full", full.topology(topics), full::notes, output::read);
                        }
                        case "peer" -> {
                            PeerPipeline peer = new PeerPipeline();
                            yield streamsStage(run, "peer", peer.topology(topics.eventsTopic()), peer::notes,
                                    StreamsStage.AfterClose.NONE);
                        }
                        default -> throw new IllegalStateException(stage);
                    };
                    E2eSummary.stage(r, out);
                    results.add(r);
                }
            }
        } finally {
            broker.close();
            if (o.keepDir() == null) {
                HarnessMain.deleteTree(dir);
            }
        }
        double wall = (System.nanoTime() - started) / 1e9;
        OutputChecksums.Result checked = output == null ? null : output.result();
        E2eSummary.print(new E2eSummary.Run(events, partitionCount, o.threads(), wall, runId, streams, o.repo()),
                results, checked, out);
        if (checked != null && !checked.complete()) {
            // The rates above stand; the run still fails, so that no script takes its output figures.
            throw new IllegalStateException("the output of the full stage could not be read completely (RESULT says "
                    + OutputChecksums.Result.INCOMPLETE + "); see the WARNING lines above");
        }
    }

    /** Production's Kafka Streams settings, with the run's overrides printed as such. */
    private static Map<String, String> streamsSettings(E2eOptions o, PrintStream out) {
        Map<String, String> production = StreamsSettings.production();
        out.println("  Kafka Streams settings from application.properties: " + production
                + "; stream threads: " + o.threads());
        if (o.streamsOverrides().isEmpty()) {
            return production;
        }
        Map<String, String> settings = new TreeMap<>(production);
        settings.putAll(o.streamsOverrides());
        // KEY= (empty) removes a production setting, e.g. the RocksDB config setter, for a comparison
        // with Kafka Streams' own default.
        settings.values().removeIf(String::isEmpty);
        out.println("  OVERRIDDEN for this run (not production's): " + o.streamsOverrides());
        return settings;
    }

    /** Fills the input topic, or checks that a kept one is there to reuse. */
    private static void preload(E2eOptions o, String bootstrap, String topic, Admin admin,
            List<TopicPartition> input, PrintStream out) throws Exception {
        long present = Topics.endOffsets(admin, input);
        if (o.skipPreload()) {
            if (present == 0) {
                throw new IllegalStateException("--skip-preload: the topic " + topic + " is empty");
            }
            out.printf("%n== Preload skipped: %,d events already in %s%n", present, topic);
            return;
        }
        if (present > 0) {
            throw new IllegalStateException("the topic already holds " + present
                    + " events: add --skip-preload, or use a fresh --keep-dir");
        }
        out.printf("%n== Preload: %,d generated events into %s (%d partitions), through the service's generator"
                + " feed (EventSink.kafka)%n", o.events(), topic, input.size());
        Preloader.Result r = Preloader.run(bootstrap, topic, o.events(), o.seed(), out);
        long landed = Topics.endOffsets(admin, input);
        if (landed != o.events()) {
            throw new IllegalStateException("the topic holds " + landed + " events after a preload of " + o.events());
        }
        out.printf("  preloaded %,d events in %.1f s (%,.0f events/s), about %.0f bytes per event; simulated %s to"
                + " %s; at most %,d dossiers open at once%n", r.events(), r.seconds(), r.events() / r.seconds(),
                r.bytesPerEvent(), r.firstDay(), r.lastDay(), r.peakOpenDossiers());
    }

    /** One Kafka Streams stage on the input: its own application id, state directory and group. */
    private static StageResult streamsStage(Run run, String name, Topology topology, Supplier<List<String>> notes,
            StreamsStage.AfterClose afterClose) throws Exception {
        String appId = "e2e-" + name + "-" + run.runId().replace("-", "");
        Properties props = StreamsSettings.forStage(run.streams(), appId, run.bootstrap(),
                run.dir().resolve("state-" + name), run.o().threads());
        StreamsStage.Plan plan = new StreamsStage.Plan(name, appId, topology, props, notes, afterClose);
        return StreamsStage.run(plan, run.admin(), run.input(), run.events(),
                run.o().stageTimeoutSeconds(run.events()), jfr(run.o(), name, run.runId()), run.o().sampleMillis(),
                run.out());
    }

    private static Path jfr(E2eOptions o, String stage, String runId) throws IOException {
        if (o.jfrDir() == null) {
            return null;
        }
        Files.createDirectories(o.jfrDir());
        return o.jfrDir().resolve("e2e-" + stage + "-" + runId + ".jfr");
    }
}
