package io.dossierpulse.perf;

import io.dossierpulse.broker.EmbeddedKafkaBroker;
import io.dossierpulse.perf.load.OpenDossierPreload;
import io.dossierpulse.perf.probe.MemorySnapshot;
import io.dossierpulse.perf.probe.MetricsScrape;
import io.dossierpulse.perf.report.MachineInfo;
import io.dossierpulse.perf.stage.CatchUpStage;
import io.dossierpulse.perf.stage.RecoveryStage;
import io.dossierpulse.perf.stage.ServiceChild;
import io.dossierpulse.perf.stage.StreamsSettings;
import io.dossierpulse.perf.stage.Topics;
import io.dossierpulse.streams.TopicInitializer;
import io.dossierpulse.streams.TopologySettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Recovery and memory with N open dossiers. A real KRaft broker runs in this JVM; the packaged
 * service runs as a child process against it, with production's JVM options. The benchmark preloads
 * N open dossiers, times the service's catch-up, reads its memory, then kills it with SIGKILL twice:
 * once restarting on the kept state directory, once on a deleted one, timing each time from the
 * kill to ready and to a correct lookup. It prints a summary, a {@code RECOVERY} line last, and
 * writes the figures as CSV under benchmarks/target.
 */
public final class RecoveryBenchmark {

    private static final long SETTLE_MILLIS = 10_000;

    private RecoveryBenchmark() {
    }

    public static void main(String[] args) {
        HarnessMain.run("recovery benchmark", args, RecoveryOptions::parse, RecoveryOptions.USAGE,
                RecoveryBenchmark::run);
    }

    private static void run(RecoveryOptions o, PrintStream out) throws Exception {
        if (!Files.isRegularFile(o.serviceJar())) {
            throw new IllegalStateException("no packaged service at " + o.serviceJar()
                    + " (build it, or give --service-jar)");
        }
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path target = o.repo().toAbsolutePath().normalize().resolve("benchmarks/target");
        Path runDir = target.resolve("recovery-" + runId);
        Files.createDirectories(runDir);
        Path data = Files.createTempDirectory("pulse-recovery-");
        Path stateDir = data.resolve("state");
        // An interrupted run skips the finally below; its broker data and state can be large.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                HarnessMain.deleteTree(data);
            } catch (IOException | RuntimeException e) {
                System.err.println("could not delete " + data + ": " + e);
            }
        }, "recovery-data-cleanup"));

        out.println("== Dossier Pulse recovery and memory benchmark, run " + runId);
        MachineInfo.lines(data).forEach(l -> out.println("  " + l));
        out.println("  service: " + o.serviceJar());
        out.println("  service JVM options: " + String.join(" ", o.serviceJavaOpts())
                + (o.serviceJavaOpts().equals(RecoveryOptions.PRODUCTION_JAVA_OPTS)
                        ? " (production's, in a 3 GiB pod)" : " (NOT production's)"));
        out.println("  beyond production's settings: " + String.join(" ", ServiceChild.LOG_OVERRIDES));
        out.println("  service logs in " + runDir);

        TopologySettings topics = TopologySettings.defaults();
        // The service's Kafka Streams application.id: its changelog topics start with it.
        String applicationId = StreamsSettings.applicationId();
        long started = System.nanoTime();
        ServiceChild child = null;
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data.resolve("broker"), "127.0.0.1",
                HarnessMain.freePort(), HarnessMain.freePort());
        try {
            String bootstrap = broker.bootstrapServers();
            out.printf("  broker: %s, data in %s%n", bootstrap, data.resolve("broker"));
            TopicInitializer.ensureTopics(bootstrap, o.partitions(), (short) 1,
                    topics.topics());

            out.printf("%n== Preload: %,d open dossiers, %,d events into %s (%d partitions, lz4, idempotent)%n",
                    o.open(), o.events(), topics.eventsTopic(), o.partitions());
            OpenDossierPreload.Result pre = OpenDossierPreload.run(bootstrap, topics.eventsTopic(), o.partitions(),
                    o.open(), o.seed(), out);
            out.printf("  preloaded %,d events in %.1f s (%,.0f events/s), about %.0f bytes per event%n",
                    pre.events(), pre.seconds(), pre.events() / pre.seconds(), pre.bytesPerEvent());
            out.println("  known dossiers, one per partition: " + pre.known().stream()
                    .map(k -> k.partition() + ":" + k.dossierId()).collect(Collectors.joining(", ")));

            int httpPort = HarnessMain.freePort();
            RecoveryStage.Launcher launcher = logName -> ServiceChild.start(o.serviceJar(), o.serviceJavaOpts(),
                    bootstrap, stateDir, data.resolve("work"), runDir.resolve(logName), httpPort);

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.CLIENT_ID_CONFIG, "recovery-admin"))) {
                out.printf("%n== First start: catch-up on %,d events (load average %s)%n", pre.events(),
                        MachineInfo.loadAverage());
                child = launcher.start("service-first-start.log");
                out.printf("  pid %d, HTTP port %d, log %s%n", child.pid(), child.port(), child.log());
                CatchUpStage.Result catchUp = CatchUpStage.run(child, pre.events(), o.catchupTimeoutSeconds(), out);
                out.printf("  all %,d events applied %.1f s after the launch (ready after %.1f s, first event applied"
                        + " after %.1f s): %,.0f events/s from the first applied event%n", catchUp.events(),
                        catchUp.seconds(), catchUp.readySeconds(), catchUp.firstAppliedSeconds(),
                        catchUp.eventsPerSecond());
                out.printf("  open dossiers (pulse_dossiers_open): %,.0f; dead-lettered %.0f, duplicates %.0f,"
                        + " SLA events %.0f%n", catchUp.openDossiers(), catchUp.rejected(), catchUp.duplicates(),
                        catchUp.slaEvents());

                out.printf("%n== Memory with %,d open dossiers (after %d s of quiet)%n", o.open(),
                        SETTLE_MILLIS / 1000);
                Thread.sleep(SETTLE_MILLIS);
                MetricsScrape m = MetricsScrape.of(child);
                if (m == null) {
                    throw new IllegalStateException("no answer on /q/metrics; log " + child.log());
                }
                MemorySnapshot memory = MemorySnapshot.take(child, m, stateDir);
                out.println("  " + memory.describe());
                long heapAfterGc = heapAfterFullGc(child);
                if (heapAfterGc >= 0) {
                    out.printf("  heap used after a full GC (jcmd GC.run): %s%n", MemorySnapshot.mb(heapAfterGc));
                }
                // Kafka Streams turns RocksDB's write-ahead log off: writes stay in the memtables (native
                // memory, in the RSS) until a memtable fills and is flushed, so the directory lags the data.
                out.println("  the state directory holds what RocksDB has flushed so far; unflushed writes are in its"
                        + " memtables, in native memory, and in the changelogs:");
                Map<String, long[]> changelogs = changelogs(admin, applicationId);
                // Offsets, not records: under exactly-once every transaction also leaves a marker.
                changelogs.forEach((store, v) -> out.printf("  changelog of %s: %,d offsets, %s%n", store, v[0],
                        MemorySnapshot.mb(v[1])));

                out.printf("%n== Recovery with the local state kept: SIGKILL, restart on the same state directory%n");
                RecoveryStage.Result kept = RecoveryStage.run("kept", false, child, launcher, stateDir, pre.known(),
                        o.recoveryTimeoutSeconds(), out);
                child = kept.child();
                RecoveryStage.report(kept, out);

                out.printf("%n== Recovery with the local state wiped: SIGKILL, delete the state directory, restart%n");
                RecoveryStage.Result wiped = RecoveryStage.run("wiped", true, child, launcher, stateDir, pre.known(),
                        o.recoveryTimeoutSeconds(), out);
                child = wiped.child();
                RecoveryStage.report(wiped, out);

                child.stop();
                child = null;
                double wall = (System.nanoTime() - started) / 1e9;
                summary(o, runId, target, pre, catchUp, memory, heapAfterGc, changelogs, kept, wiped, wall, out);
            }
        } finally {
            if (child != null) {
                child.kill();
            }
            broker.close();
            HarnessMain.deleteTree(data);
        }
    }

    private static void summary(RecoveryOptions o, String runId, Path target, OpenDossierPreload.Result pre,
            CatchUpStage.Result catchUp, MemorySnapshot mem, long heapAfterGc, Map<String, long[]> changelogs,
            RecoveryStage.Result kept, RecoveryStage.Result wiped, double wall, PrintStream out) throws IOException {
        long changelogBytes = changelogs.values().stream().mapToLong(v -> v[1]).sum();
        long changelogOffsets = changelogs.values().stream().mapToLong(v -> v[0]).sum();
        out.printf("%n== Summary: %,d open dossiers (%,d events), %d partitions, total wall time %.0f s%n", o.open(),
                pre.events(), o.partitions(), wall);
        out.printf("  catch-up      %8.1f s   %,.0f events/s after the first applied event%n", catchUp.seconds(),
                catchUp.eventsPerSecond());
        out.printf("  memory        RSS %s (high-water %s), heap used %s of %s committed, after full GC %s,"
                + " non-heap %s%n", MemorySnapshot.mb(mem.rssBytes()), MemorySnapshot.mb(mem.hwmBytes()),
                MemorySnapshot.mb(mem.heapUsedBytes()), MemorySnapshot.mb(mem.heapCommittedBytes()),
                heapAfterGc < 0 ? "n/a" : MemorySnapshot.mb(heapAfterGc), MemorySnapshot.mb(mem.nonHeapUsedBytes()));
        out.printf("  on disk       state directory %s; changelogs %s, %,d offsets%n",
                MemorySnapshot.mb(mem.stateDirBytes()), MemorySnapshot.mb(changelogBytes), changelogOffsets);
        out.println("  recovery   ready s   serving s   tasks assigned s   restored records   tasks corrupted/wiped"
                + "   stores at a checkpoint");
        for (RecoveryStage.Result r : List.of(kept, wiped)) {
            out.printf("  %-7s %10.2f %11.2f %18.2f %18s %23s %24d%n", r.name(), r.readySeconds(), r.servingSeconds(),
                    r.evidence().assignedSeconds(), String.format("%,d", r.evidence().restoredRecords()),
                    r.evidence().corruptionWarnings() + "/" + r.evidence().wipedTasks(),
                    r.evidence().storesFromCheckpoint());
        }

        Map<String, String> row = new LinkedHashMap<>();
        row.put("run", runId);
        row.put("commit", System.getProperty("e2e.commit", "unknown"));
        row.put("open", Long.toString(o.open()));
        row.put("events", Long.toString(pre.events()));
        row.put("partitions", Integer.toString(o.partitions()));
        row.put("service_java_opts", String.join(" ", o.serviceJavaOpts()));
        row.put("catchup_s", f2(catchUp.seconds()));
        row.put("catchup_eps", f0(catchUp.eventsPerSecond()));
        row.put("rss_mb", mb(mem.rssBytes()));
        row.put("rss_hwm_mb", mb(mem.hwmBytes()));
        row.put("heap_used_mb", mb(mem.heapUsedBytes()));
        row.put("heap_committed_mb", mb(mem.heapCommittedBytes()));
        row.put("heap_max_mb", mb(mem.heapMaxBytes()));
        row.put("heap_after_gc_mb", heapAfterGc < 0 ? "" : mb(heapAfterGc));
        row.put("nonheap_used_mb", mb(mem.nonHeapUsedBytes()));
        row.put("state_dir_mb", mb(mem.stateDirBytes()));
        row.put("changelog_mb", mb(changelogBytes));
        row.put("changelog_offsets", Long.toString(changelogOffsets));
        for (RecoveryStage.Result r : List.of(kept, wiped)) {
            row.put(r.name() + "_ready_s", f2(r.readySeconds()));
            row.put(r.name() + "_serving_s", f2(r.servingSeconds()));
            row.put(r.name() + "_restored_records", Long.toString(r.evidence().restoredRecords()));
            row.put(r.name() + "_assigned_s", f2(r.evidence().assignedSeconds()));
            row.put(r.name() + "_tasks_corrupted", Integer.toString(r.evidence().corruptionWarnings()));
            row.put(r.name() + "_tasks_wiped", Integer.toString(r.evidence().wipedTasks()));
            row.put(r.name() + "_stores_at_checkpoint", Integer.toString(r.evidence().storesFromCheckpoint()));
            row.put(r.name() + "_rss_mb", r.memory() == null ? "" : mb(r.memory().rssBytes()));
        }
        Path csv = target.resolve("recovery-" + runId + ".csv");
        String header = String.join(",", row.keySet());
        String line = row.values().stream().map(v -> v.contains(",") || v.contains(" ") ? "\"" + v + "\"" : v)
                .collect(Collectors.joining(","));
        Files.writeString(csv, header + "\n" + line + "\n");
        out.println("  CSV: " + csv);
        out.printf("RECOVERY open=%d catchup_s=%s rss_mb=%s heap_used_mb=%s kept_ready_s=%s kept_serving_s=%s"
                + " wiped_ready_s=%s wiped_serving_s=%s%n", o.open(), f2(catchUp.seconds()), mb(mem.rssBytes()),
                mb(mem.heapUsedBytes()), f2(kept.readySeconds()), f2(kept.servingSeconds()), f2(wiped.readySeconds()),
                f2(wiped.servingSeconds()));
    }

    /**
     * Heap used after a full collection, which leaves the live objects only; asked of the child with
     * jcmd. -1 when jcmd is not there or fails.
     */
    private static long heapAfterFullGc(ServiceChild child) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return -1;
        }
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(child.pid()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            return -1;
        }
        MetricsScrape m = MetricsScrape.of(child);
        return m == null ? -1 : (long) m.sum("jvm_memory_used_bytes", "area=heap");
    }

    /** The service's changelog topics by store: offsets (end minus start) and bytes on the broker. */
    private static Map<String, long[]> changelogs(Admin admin, String applicationId) throws Exception {
        Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .filter(n -> n.startsWith(applicationId + "-") && n.endsWith("-changelog"))
                .collect(Collectors.toSet());
        Map<String, Long> sizes = Topics.sizes(admin);
        Map<String, long[]> out = new TreeMap<>();
        Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                .get(30, TimeUnit.SECONDS);
        for (TopicDescription d : described.values()) {
            Map<TopicPartition, OffsetSpec> earliest = new LinkedHashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            d.partitions().forEach(p -> {
                earliest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
            });
            long records = Topics.offsetSum(admin, latest) - Topics.offsetSum(admin, earliest);
            String store = d.name().substring(applicationId.length() + 1, d.name().length() - "-changelog".length());
            out.put(store, new long[] {records, sizes.getOrDefault(d.name(), 0L)});
        }
        return out;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    private static String f2(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String f0(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.0f", v);
    }
}
