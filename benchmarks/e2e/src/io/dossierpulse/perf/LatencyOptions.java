package io.dossierpulse.perf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of the latency benchmark.
 *
 * @param rates            offered rates in events per second, run one after the other
 * @param seconds          measured seconds per rate
 * @param warmupSeconds    seconds at the same rate before each measured window, not recorded
 * @param primeSeconds     seconds added to the first rate's warm-up: a fresh JVM and empty stores are
 *                         slower for a while, and the first rate would otherwise measure that
 * @param partitions       partitions of the three topics
 * @param seed             generator seed
 * @param probesPerSecond  SLA probe dossiers sent per second
 * @param lookupsPerSecond sampled events per second for the store lookup (1 in rate / this)
 * @param repo             the repository root: the CSV goes to its benchmarks/target directory
 */
public record LatencyOptions(List<Integer> rates, int seconds, int warmupSeconds, int primeSeconds, int partitions,
        long seed, int probesPerSecond, int lookupsPerSecond, Path repo) {

    static final String USAGE = """
            usage: benchmarks/run-latency.sh [options]
              --rates LIST          offered rates in events/s, comma-separated, 5k = 5000
                                    (default 5000,20000)
              --seconds S           measured seconds per rate (default 60)
              --warmup S            seconds at each rate before the measured window (default 10)
              --prime S             extra seconds before the first rate's warm-up, for a cold JVM and
                                    empty stores (default 30; 0 for none)
              --partitions P        partitions of the topics (default 6)
              --seed S              generator seed (default 1)
              --probes-per-second N SLA probe dossiers per second (default 5)
              --lookups-per-second N events sampled per second for the store lookup (default 100)
              --repo DIR            repository root, for the CSV (default: current directory)
            """;

    static LatencyOptions parse(String[] args) {
        List<Integer> rates = List.of(5_000, 20_000);
        int seconds = 60;
        int warmup = 10;
        int prime = 30;
        int partitions = 6;
        long seed = 1;
        int probes = 5;
        int lookups = 100;
        Path repo = Path.of(".");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--rates" -> rates = rates(value(args, ++i, a));
                case "--seconds" -> seconds = Integer.parseInt(value(args, ++i, a));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, a));
                case "--prime" -> prime = Integer.parseInt(value(args, ++i, a));
                case "--partitions" -> partitions = Integer.parseInt(value(args, ++i, a));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                case "--probes-per-second" -> probes = Integer.parseInt(value(args, ++i, a));
                case "--lookups-per-second" -> lookups = Integer.parseInt(value(args, ++i, a));
                case "--repo" -> repo = Path.of(value(args, ++i, a));
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        // Probe deadlines fall at least 3 s after sending and 3 s before the window ends.
        if (seconds < 8) {
            throw new IllegalArgumentException("--seconds must be at least 8");
        }
        if (warmup < 0 || prime < 0 || partitions < 1 || probes < 1 || lookups < 1) {
            throw new IllegalArgumentException("--warmup and --prime must not be negative; --partitions,"
                    + " --probes-per-second and --lookups-per-second must be positive");
        }
        return new LatencyOptions(rates, seconds, warmup, prime, partitions, seed, probes, lookups, repo);
    }

    /** One event in this many is followed to the store at the given rate. */
    public int lookupEvery(int rate) {
        return Math.max(1, Math.round((float) rate / lookupsPerSecond));
    }

    private static List<Integer> rates(String list) {
        List<Integer> out = new ArrayList<>();
        for (String s : list.split(",")) {
            String t = s.replace("_", "").trim().toLowerCase();
            int r = t.endsWith("k") ? Integer.parseInt(t.substring(0, t.length() - 1)) * 1_000 : Integer.parseInt(t);
            if (r < 1) {
                throw new IllegalArgumentException("rates must be positive: " + s);
            }
            out.add(r);
        }
        return List.copyOf(out);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
