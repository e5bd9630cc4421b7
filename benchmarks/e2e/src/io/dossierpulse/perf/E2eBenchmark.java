package io.dossierpulse.perf;

import io.dossierpulse.broker.EmbeddedKafkaBroker;
import io.dossierpulse.streams.TopicInitializer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.Topology;

/**
 * End-to-end throughput on one machine, measured against Kafka's own floor. One JVM starts a real
 * KRaft broker on free loopback ports in a fresh directory, preloads the input topic with generated
 * Hanoi traffic, then reads the same topic three times, one stage after the other:
 *
 * <ol>
 *   <li>consume: a plain consumer over all partitions;
 *   <li>floor: the minimal stateful exactly-once Kafka Streams application (one RocksDB put per record);
 *   <li>full: the Dossier Pulse topology.
 * </ol>
 *
 * It prints the rate of each, the ratios and, last, one {@code RESULT} line. See docs/benchmarks.md.
 */
public final class E2eBenchmark {

    static final String EVENTS_TOPIC = "dossier.events";
    static final String DLQ_TOPIC = "dossier.events.dlq";
    static final String SLA_TOPIC = "dossier.sla-events";

    private E2eBenchmark() {
    }

    public static void main(String[] args) {
        HarnessMain.run("end-to-end benchmark", args, E2eOptions::parse, E2eOptions.USAGE, E2eBenchmark::run);
    }

    private static void run(E2eOptions o, PrintStream out) throws Exception {
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = o.keepDir() != null ? o.keepDir() : Files.createTempDirectory("pulse-e2e-");
        Files.createDirectories(dir);

        out.println("== Dossier Pulse end-to-end benchmark, run " + runId);
        MachineInfo.lines(dir).forEach(l -> out.println("  " + l));
        Map<String, String> production = StreamsSettings.production();
        out.println("  Kafka Streams settings from application.properties: " + production
                + "; stream threads: " + o.threads());
        if (!o.streamsOverrides().isEmpty()) {
            production = new TreeMap<>(production);
            production.putAll(o.streamsOverrides());
            // KEY= (empty) removes a production setting, e.g. the RocksDB config setter, for a
            // comparison with Kafka Streams' own default.
            production.values().removeIf(String::isEmpty);
            out.println("  OVERRIDDEN for this run (not production's): " + o.streamsOverrides());
        }

        List<StageResult> results = new ArrayList<>();
        long events;
        int partitionCount;
        long started = System.nanoTime();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("broker"), "127.0.0.1", freePort(),
                freePort());
        try {
            String bootstrap = broker.bootstrapServers();
            out.printf("  broker: %s, data in %s%n", bootstrap, dir.resolve("broker").toAbsolutePath());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.CLIENT_ID_CONFIG, "e2e-admin"))) {
                TopicInitializer.ensureTopics(bootstrap, o.partitions(), (short) 1,
                        List.of(EVENTS_TOPIC, DLQ_TOPIC, SLA_TOPIC));
                List<TopicPartition> input = partitions(admin, EVENTS_TOPIC);
                partitionCount = input.size();
                if (partitionCount != o.partitions()) {
                    out.printf("  note: the kept topic has %d partitions; --partitions %d is ignored%n",
                            partitionCount, o.partitions());
                }
                long present = endOffsets(admin, input);
                if (o.skipPreload()) {
                    if (present == 0) {
                        throw new IllegalStateException("--skip-preload: the topic " + EVENTS_TOPIC + " is empty");
                    }
                    out.printf("%n== Preload skipped: %,d events already in %s%n", present, EVENTS_TOPIC);
                } else {
                    if (present > 0) {
                        throw new IllegalStateException("the topic already holds " + present
                                + " events: add --skip-preload, or use a fresh --keep-dir");
                    }
                    out.printf("%n== Preload: %,d generated events into %s (%d partitions, %s, idempotent, acks=all)%n",
                            o.events(), EVENTS_TOPIC, partitionCount, o.compression());
                    Preloader.Result r = Preloader.run(bootstrap, EVENTS_TOPIC, o.events(), o.seed(),
                            o.compression(), out);
                    out.printf("  preloaded %,d events in %.1f s (%,.0f events/s), %.0f bytes per event on average;"
                            + " simulated %s to %s; at most %,d dossiers open at once%n", r.events(), r.seconds(),
                            r.events() / r.seconds(), (double) r.valueBytes() / r.events(), r.firstDay(), r.lastDay(),
                            r.peakOpenDossiers());
                }
                events = endOffsets(admin, input);
                out.printf("  input: %,d events; %s on disk%n", events,
                        megabytes(StreamsStage.topicSizes(admin).getOrDefault(EVENTS_TOPIC, 0L)));

                for (String stage : o.stages()) {
                    out.printf("%n== Stage %s (load average %s)%n", stage, MachineInfo.loadAverage());
                    StageResult r = switch (stage) {
                        case "consume" -> RawConsumeStage.run(bootstrap, input, events, out);
                        case "floor" -> {
                            FloorPipeline floor = new FloorPipeline();
                            yield streamsStage("floor", floor.topology(EVENTS_TOPIC), floor::notes, o, dir, runId,
                                    bootstrap, production, admin, input, events, out);
                        }
                        case "full" -> {
                            FullPipeline full = new FullPipeline();
                            yield streamsStage("full", full.topology(), full::notes, o, dir, runId, bootstrap,
                                    production, admin, input, events, out);
                        }
                        default -> throw new IllegalStateException(stage);
                    };
                    report(r, out);
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
        summary(o, events, partitionCount, results, wall, runId, production, out);
    }

    /** One Kafka Streams stage on the input: its own application id, state directory and group. */
    private static StageResult streamsStage(String name, Topology topology, Supplier<List<String>> notes,
            E2eOptions o, Path dir, String runId, String bootstrap, Map<String, String> production, Admin admin,
            List<TopicPartition> input, long events, PrintStream out) throws Exception {
        String appId = "e2e-" + name + "-" + runId.replace("-", "");
        Properties props = StreamsSettings.forStage(production, appId, bootstrap, dir.resolve("state-" + name),
                o.threads());
        StreamsStage.Plan plan = new StreamsStage.Plan(name, appId, topology, props, notes);
        return StreamsStage.run(plan, admin, input, events, o.stageTimeoutSeconds(events), jfr(o, name, runId),
                o.sampleMillis(), out);
    }

    private static Path jfr(E2eOptions o, String stage, String runId) throws IOException {
        if (o.jfrDir() == null) {
            return null;
        }
        Files.createDirectories(o.jfrDir());
        return o.jfrDir().resolve("e2e-" + stage + "-" + runId + ".jfr");
    }

    private static void report(StageResult r, PrintStream out) {
        out.printf("  %s: %,d events in %.2f s = %,.0f events/s (first %s after %.2f s; %,.0f events/s after it)%s%n",
                r.name(), r.events(), r.seconds(), r.eventsPerSecond(),
                r.name().equals("consume") ? "record" : "commit", r.startupSeconds(), r.flowingEventsPerSecond(),
                r.complete() ? "" : String.format(" INCOMPLETE: %,d of %,d", r.events(), r.expected()));
        if (!r.tenths().isEmpty()) {
            out.println("  events/s by tenth of the stage: " + r.tenths().stream()
                    .map(v -> String.format("%,.0f", v)).reduce((a, b) -> a + " | " + b).orElse(""));
        }
        r.usage().lines().forEach(l -> out.println("  " + l));
        r.notes().forEach(l -> out.println("  " + l));
    }

    private static void summary(E2eOptions o, long events, int partitions, List<StageResult> results, double wall,
            String runId, Map<String, String> streams, PrintStream out) throws IOException {
        Map<String, StageResult> by = new LinkedHashMap<>();
        results.forEach(r -> by.put(r.name(), r));
        out.printf("%n== Summary: %,d events, %d partitions, %d stream thread(s), total wall time %.0f s%n", events,
                partitions, o.threads(), wall);
        out.println("  stage      events/s     seconds   startup s   events/s after startup   JVM cores   other cores");
        for (StageResult r : results) {
            out.printf("  %-8s %,10.0f %11.2f %11.2f %24.0f %11.2f %13.2f%s%n", r.name(), r.eventsPerSecond(),
                    r.seconds(), r.startupSeconds(), r.flowingEventsPerSecond(), r.usage().processCores(),
                    r.usage().otherCores(), r.complete() ? "" : "   INCOMPLETE");
        }
        for (StageResult r : results) {
            if (!r.complete()) {
                out.printf("  WARNING: stage %s was stopped at its time limit after %,d of %,d events (%.1f%%); its"
                        + " rate is over the part it processed, not over the whole topic%n", r.name(), r.events(),
                        r.expected(), 100.0 * r.events() / r.expected());
            }
        }
        double consume = rate(by.get("consume"));
        double floor = rate(by.get("floor"));
        double full = rate(by.get("full"));
        out.printf("  ratios: full/floor %s, floor/consume %s, full/consume %s%n", ratio(full, floor),
                ratio(floor, consume), ratio(full, consume));

        List<ThroughputChart.Bar> bars = new ArrayList<>();
        if (by.containsKey("consume")) {
            bars.add(new ThroughputChart.Bar("(a) raw consumer", consume, "plain KafkaConsumer, no state"));
        }
        if (by.containsKey("floor")) {
            bars.add(new ThroughputChart.Bar("(b) floor: Streams + RocksDB put", floor,
                    by.containsKey("consume") ? ratio(floor, consume) + " x consumer" : "exactly_once_v2"));
        }
        if (by.containsKey("full")) {
            StageResult f = by.get("full");
            String note = by.containsKey("floor") ? ratio(full, floor) + " x floor" : "exactly_once_v2";
            if (!f.complete()) {
                note += String.format("; stopped after %.0f s, %.0f%% of the events", f.seconds(),
                        100.0 * f.events() / f.expected());
            }
            bars.add(new ThroughputChart.Bar("(c) full Dossier Pulse pipeline", full, note));
        }
        if (!bars.isEmpty()) {
            String subtitle = String.format("%,d events, %d partitions, %d stream thread%s, %s,"
                    + " commit every %s ms; %d cores, Java %s; run %s", events, partitions, o.threads(),
                    o.threads() == 1 ? "" : "s", streams.getOrDefault("processing.guarantee", "at_least_once"),
                    streams.getOrDefault("commit.interval.ms", "?"), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.specification.version"), runId);
            List<Path> files = List.of(o.repo().resolve("benchmarks/target/e2e-throughput.png"),
                    o.repo().resolve("docs/e2e-throughput.png"));
            ThroughputChart.write("Dossier Pulse end to end, one machine, real broker", subtitle, bars, files);
            out.println("  chart: " + files.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse(""));
        }
        out.printf("RESULT full_eps=%s floor_eps=%s consume_eps=%s full_vs_floor=%s%n", eps(full), eps(floor),
                eps(consume), ratio(full, floor));
        out.flush();
    }

    private static double rate(StageResult r) {
        return r == null ? Double.NaN : r.eventsPerSecond();
    }

    private static String eps(double v) {
        return Double.isNaN(v) ? "n/a" : String.valueOf(Math.round(v));
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? "n/a" : String.format("%.3f", a / b);
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }

    private static List<TopicPartition> partitions(Admin admin, String topic) throws Exception {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(topic);
        return d.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static long endOffsets(Admin admin, List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> r = admin.listOffsets(latest).all()
                .get(30, TimeUnit.SECONDS);
        return r.values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }

    /** A free port on the loopback interface; never the service's usual 9092. */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The broker and the clients log at WARN: progress lines are the harness's own. */

}
