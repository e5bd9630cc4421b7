package io.dossierpulse.perf.report;

import io.dossierpulse.perf.stage.RateStage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints the latency benchmark's figures and writes them as CSV for a chart. */
public final class LatencyReport {

    private LatencyReport() {
    }

    public static void rate(RateStage.Result r, PrintStream out) {
        out.printf("  offered %,d events/s, achieved %,.0f events/s (%,d events in the window, %.1f%% SUBMITTED);"
                + " at most %.1f ms behind schedule: %s%n", r.rate(), r.achievedRate(), r.windowEvents(),
                100 * r.submittedShare(), r.maxLagMillis(), r.sustained() ? "sustained"
                        : "NOT SUSTAINED, the producer could not keep this rate");
        out.println("  produce to visible        count     p50 ms     p90 ms     p99 ms     max ms   given up");
        line("lookup (1 in " + r.lookupEvery() + ")", r.lookup(), out);
        line("counters (SUBMITTED)", r.counters(), out);
        line("deadline to SLA event", r.sla(), out);
        out.printf("  SLA probes: %d deadlines expected, %d announced, %d other probe announcements%n",
                r.probesExpected(), r.probesAnnounced(), r.unexpected());
        r.missing().stream().limit(10).forEach(m -> out.println("  NOT ANNOUNCED: " + m));
        r.notes().forEach(n -> out.println("  " + n));
    }

    public static void summary(List<RateStage.Result> results, String runId, Path csv, PrintStream out)
            throws IOException {
        out.printf("%n== Summary, run %s (milliseconds)%n", runId);
        out.println("  offered   achieved  lookup p50/p99/max        counters p50/p99/max      SLA p50/p99/max");
        for (RateStage.Result r : results) {
            out.printf("  %,7d  %,9.0f  %-24s  %-24s  %s%s%n", r.rate(), r.achievedRate(), triple(r.lookup()),
                    triple(r.counters()), triple(r.sla()), r.sustained() ? "" : "   NOT SUSTAINED");
        }
        Files.createDirectories(csv.getParent());
        Files.write(csv, csvLines(results, runId));
        out.println("  CSV: " + csv);
        long givenUp = results.stream().mapToLong(r -> r.lookup().givenUp() + r.counters().givenUp()).sum();
        if (givenUp > 0) {
            out.printf("WARNING: %,d samples never became visible within 60 s; they are not in the percentiles%n",
                    givenUp);
        }
        for (RateStage.Result r : results) {
            out.printf("LATENCY rate=%d lookup_p50_ms=%s lookup_p99_ms=%s lookup_max_ms=%s counters_p50_ms=%s"
                    + " counters_p99_ms=%s counters_max_ms=%s sla_p50_ms=%s sla_p99_ms=%s sla_max_ms=%s%n",
                    r.rate(), ms(r.lookup().p50()), ms(r.lookup().p99()), ms(r.lookup().max()),
                    ms(r.counters().p50()), ms(r.counters().p99()), ms(r.counters().max()), ms(r.sla().p50()),
                    ms(r.sla().p99()), ms(r.sla().max()));
        }
        out.flush();
    }

    /** The percentiles as a PNG: one row per rate and measure, with the targets drawn across. */
    public static void chart(List<RateStage.Result> results, String runId, List<Path> files, PrintStream out)
            throws IOException {
        List<LatencyChart.Row> rows = new ArrayList<>();
        for (RateStage.Result r : results) {
            String rate = String.format("%,d/s", r.rate()) + (r.sustained() ? "" : " (not sustained)");
            rows.add(row("lookup, " + rate, 0, r.lookup()));
            rows.add(row("counters, " + rate, 1, r.counters()));
            rows.add(row("deadline to SLA event, " + rate, 2, r.sla()));
        }
        LatencyChart.write("Produce to visible, and deadline to SLA event",
                "run " + runId + ": live generated traffic at steady offered rates, real broker, one JVM",
                rows, List.of(new LatencyChart.Mark("p99 target 250 ms", 250),
                        new LatencyChart.Mark("SLA target 1 s", 1000)), files);
        out.println("  chart: " + files.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse(""));
    }

    private static LatencyChart.Row row(String label, int colour, Latencies.Summary s) {
        return new LatencyChart.Row(label, colour, s.p50(), s.p99(), s.max());
    }

    private static void line(String name, Latencies.Summary s, PrintStream out) {
        out.printf("  %-22s %,8d %10s %10s %10s %10s %10d%n", name, s.count(), ms(s.p50()), ms(s.p90()),
                ms(s.p99()), ms(s.max()), s.givenUp());
    }

    private static String triple(Latencies.Summary s) {
        return ms(s.p50()) + " / " + ms(s.p99()) + " / " + ms(s.max());
    }

    private static List<String> csvLines(List<RateStage.Result> results, String runId) {
        List<String> lines = new ArrayList<>();
        lines.add("run,offered_rate,achieved_rate,sustained,measure,count,p50_ms,p90_ms,p99_ms,max_ms,given_up");
        for (RateStage.Result r : results) {
            String head = String.format(Locale.ROOT, "%s,%d,%.0f,%s", runId, r.rate(), r.achievedRate(),
                    r.sustained());
            lines.add(csv(head, "lookup", r.lookup()));
            lines.add(csv(head, "counters", r.counters()));
            lines.add(csv(head, "sla", r.sla()));
        }
        return lines;
    }

    private static String csv(String head, String measure, Latencies.Summary s) {
        // An empty cell, not "n/a", where nothing was measured: chart tools read it as missing.
        return String.join(",", head, measure, String.valueOf(s.count()), ms(s.p50()), ms(s.p90()), ms(s.p99()),
                ms(s.max()), String.valueOf(s.givenUp())).replace("n/a", "");
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
    }
}
