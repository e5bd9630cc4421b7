package io.dossierpulse.perf.report;

import io.dossierpulse.perf.stage.StageResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the end-to-end benchmark prints after each stage and at the end, the RESULT line last. */
public final class E2eSummary {

    /** The run as a whole: its size, settings and where the chart goes. */
    public record Run(long events, int partitions, int threads, double wallSeconds, String runId,
            Map<String, String> streams, Path repo) {
    }

    private E2eSummary() {
    }

    public static void stage(StageResult r, PrintStream out) {
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

    /** @param output what the full stage produced; null when it did not run */
    public static void print(Run run, List<StageResult> results, OutputChecksums.Result output, PrintStream out)
            throws IOException {
        Map<String, StageResult> by = new LinkedHashMap<>();
        results.forEach(r -> by.put(r.name(), r));
        out.printf("%n== Summary: %,d events, %d partitions, %d stream thread(s), total wall time %.0f s%n",
                run.events(), run.partitions(), run.threads(), run.wallSeconds());
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
        double peer = rate(by.get("peer"));
        out.printf("  ratios: full/floor %s, peer/floor %s, full/peer %s, floor/consume %s, full/consume %s%n",
                ratio(full, floor), ratio(peer, floor), ratio(full, peer), ratio(floor, consume),
                ratio(full, consume));
        chart(run, by, out);
        if (output != null) {
            out.printf("  output of the full stage: sla_events=%s sla_duplicates=%s sla_checksum=%s"
                    + " sla_announced_by_meter=%s counter_keys=%s counters_checksum=%s%n", output.slaEventsText(),
                    output.slaProblem() == null ? String.valueOf(output.slaDuplicates()) : "n/a",
                    output.slaChecksumText(), output.slaAnnounced() < 0 ? "n/a" : String.valueOf(output.slaAnnounced()),
                    output.countersProblem() == null ? String.valueOf(output.counterKeys()) : "n/a",
                    output.countersChecksumText());
            output.warnings().forEach(l -> out.println("  " + l));
        }
        out.printf("RESULT full_eps=%s floor_eps=%s peer_eps=%s consume_eps=%s full_vs_floor=%s sla_events=%s"
                + " sla_checksum=%s counters_checksum=%s%n", eps(full), eps(floor), eps(peer), eps(consume),
                ratio(full, floor), output == null ? "n/a" : output.slaEventsText(),
                output == null ? "n/a" : output.slaChecksumText(),
                output == null ? "n/a" : output.countersChecksumText());
        out.flush();
    }

    private static void chart(Run run, Map<String, StageResult> by, PrintStream out) throws IOException {
        double floor = rate(by.get("floor"));
        List<ThroughputChart.Bar> bars = new ArrayList<>();
        if (by.containsKey("consume")) {
            bars.add(new ThroughputChart.Bar("(a) raw consumer", rate(by.get("consume")),
                    "plain KafkaConsumer, no state"));
        }
        if (by.containsKey("floor")) {
            bars.add(new ThroughputChart.Bar("(b) floor: Streams + RocksDB put", floor,
                    by.containsKey("consume") ? ratio(floor, rate(by.get("consume"))) + " x consumer"
                            : "exactly_once_v2"));
        }
        if (by.containsKey("full")) {
            bars.add(new ThroughputChart.Bar("(c) full Dossier Pulse pipeline", rate(by.get("full")),
                    note(by.get("full"), floor)));
        }
        if (by.containsKey("peer")) {
            bars.add(new ThroughputChart.Bar("(d) peer: the job in the Streams DSL", rate(by.get("peer")),
                    note(by.get("peer"), floor)));
        }
        if (bars.isEmpty()) {
            return;
        }
        Map<String, String> streams = run.streams();
        String subtitle = String.format("%,d events, %d partitions, %d stream thread%s, %s, commit every %s ms;"
                + " %d cores, Java %s; run %s", run.events(), run.partitions(), run.threads(),
                run.threads() == 1 ? "" : "s", streams.getOrDefault("processing.guarantee", "at_least_once"),
                streams.getOrDefault("commit.interval.ms", "?"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.specification.version"), run.runId());
        List<Path> files = List.of(run.repo().resolve("benchmarks/target/e2e-throughput.png"),
                run.repo().resolve("docs/e2e-throughput.png"));
        ThroughputChart.write("Dossier Pulse end to end, one machine, real broker", subtitle, bars, files);
        out.println("  chart: " + files.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse(""));
    }

    /** A Streams stage's bar: its ratio to the floor, and how much it covered when it was stopped. */
    private static String note(StageResult r, double floor) {
        String note = Double.isNaN(floor) ? "exactly_once_v2" : ratio(r.eventsPerSecond(), floor) + " x floor";
        if (!r.complete()) {
            note += String.format("; stopped after %.0f s, %.0f%% of the events", r.seconds(),
                    100.0 * r.events() / r.expected());
        }
        return note;
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
}
