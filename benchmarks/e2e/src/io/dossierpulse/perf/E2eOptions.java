package io.dossierpulse.perf;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the end-to-end benchmark.
 *
 * @param events      events to preload (ignored with {@code skipPreload}: the topic's content is used)
 * @param partitions  partitions of the input topic (and so of every stage's tasks)
 * @param threads     Kafka Streams stream threads of the Streams stages
 * @param skipPreload reuse the events already in the topic of a kept directory
 * @param keepDir     broker data directory kept after the run (null: a temporary one, deleted)
 * @param jfrDir      where to write one flight recording per Streams stage (null: none)
 * @param seed        generator seed
 * @param stages      which stages to run, in this order: consume, floor, full, peer
 * @param repo        the repository root: charts go to its benchmarks/target and docs directories
 * @param stageTimeoutSeconds a Streams stage still running after this long is stopped and reported
 *                    as incomplete; 0 for the default, 15 minutes or the time to process the events at
 *                    5,000 events/s, whichever is longer
 * @param streamsOverrides Kafka Streams settings applied over production's in every Streams stage
 * @param sampleMillis interval of the stream-thread stack sampler; 0 for none
 */
record E2eOptions(long events, int partitions, int threads, boolean skipPreload, Path keepDir, Path jfrDir,
        long seed, Set<String> stages, Path repo, long stageTimeoutSeconds,
        Map<String, String> streamsOverrides, long sampleMillis) {

    static final long DEFAULT_EVENTS = 10_000_000L;
    /** About a year of Hanoi at 12,000 dossiers a day and about six events per dossier. */
    static final long HANOI_YEAR_EVENTS = 26_000_000L;
    /** The peer comes last, so that the first three run as they did before it existed. */
    static final List<String> ALL_STAGES = List.of("consume", "floor", "full", "peer");

    static final String USAGE = """
            usage: benchmarks/run-e2e.sh [options]
              --events N            events to preload (default 10000000; 2_000_000 and 2m are accepted)
              --preset hanoi-year   26 million events, about one year of Hanoi traffic
              --partitions P        partitions of the input topic (default 6)
              --threads T           Kafka Streams stream threads (default 1, as in production)
              --stages LIST         comma-separated subset of consume,floor,full,peer (default all four)
              --keep-dir DIR        keep the broker data in DIR (created if missing) instead of a temp dir
              --skip-preload        with --keep-dir: reuse the events already in the topic
              --jfr DIR             write a flight recording of each Streams stage to DIR
              --seed S              generator seed (default 1)
              --stage-timeout S     stop a Streams stage after S seconds and report it as incomplete
                                    (default: 900, or events / 5000 if longer)
              --set KEY=VALUE       a Kafka Streams setting for every Streams stage, over production's
                                    (repeatable), e.g. --set commit.interval.ms=1000; KEY= removes
                                    a production setting, e.g. --set rocksdb.config.setter=
              --sample-ms MS        sample the stream threads' stacks every MS ms and print where they are
              --repo DIR            repository root, for the chart (default: current directory)
            """;

    static E2eOptions parse(String[] args) {
        long events = DEFAULT_EVENTS;
        int partitions = 6;
        int threads = 1;
        boolean skipPreload = false;
        Path keepDir = null;
        Path jfrDir = null;
        long seed = 1;
        Set<String> stages = new LinkedHashSet<>(ALL_STAGES);
        Path repo = Path.of(".");
        long stageTimeout = 0;
        Map<String, String> overrides = new LinkedHashMap<>();
        long sampleMillis = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--events" -> events = count(value(args, ++i, a));
                case "--preset" -> {
                    String p = value(args, ++i, a);
                    if (!p.equals("hanoi-year")) {
                        throw new IllegalArgumentException("unknown preset " + p + " (known: hanoi-year)");
                    }
                    events = HANOI_YEAR_EVENTS;
                }
                case "--partitions" -> partitions = Integer.parseInt(value(args, ++i, a));
                case "--threads" -> threads = Integer.parseInt(value(args, ++i, a));
                case "--stages" -> stages = stages(value(args, ++i, a));
                case "--keep-dir" -> keepDir = Path.of(value(args, ++i, a));
                case "--skip-preload" -> skipPreload = true;
                case "--jfr" -> jfrDir = Path.of(value(args, ++i, a));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                case "--repo" -> repo = Path.of(value(args, ++i, a));
                case "--stage-timeout" -> stageTimeout = Long.parseLong(value(args, ++i, a));
                case "--sample-ms" -> sampleMillis = Long.parseLong(value(args, ++i, a));
                case "--set" -> {
                    String kv = value(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--set needs KEY=VALUE: " + kv);
                    }
                    overrides.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (events < 1) {
            throw new IllegalArgumentException("--events must be positive");
        }
        if (partitions < 1 || threads < 1) {
            throw new IllegalArgumentException("--partitions and --threads must be positive");
        }
        if (skipPreload && keepDir == null) {
            throw new IllegalArgumentException("--skip-preload needs --keep-dir (the events live in the kept broker)");
        }
        if (stageTimeout < 0) {
            throw new IllegalArgumentException("--stage-timeout must be positive");
        }
        return new E2eOptions(events, partitions, threads, skipPreload, keepDir, jfrDir, seed, stages,
                repo, stageTimeout, Map.copyOf(overrides), sampleMillis);
    }

    /** The stage time limit for a topic of this many events. */
    long stageTimeoutSeconds(long topicEvents) {
        return stageTimeoutSeconds > 0 ? stageTimeoutSeconds : Math.max(900, topicEvents / 5_000);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** 2000000, 2_000_000, 2,000,000, 2m, 500k. */
    static long count(String s) {
        String t = s.replace("_", "").replace(",", "").trim().toLowerCase();
        long unit = 1;
        if (t.endsWith("m")) {
            unit = 1_000_000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("k")) {
            unit = 1_000;
            t = t.substring(0, t.length() - 1);
        }
        return Math.multiplyExact(Long.parseLong(t), unit);
    }

    private static Set<String> stages(String list) {
        Set<String> wanted = new LinkedHashSet<>(Arrays.asList(list.split(",")));
        for (String s : wanted) {
            if (!ALL_STAGES.contains(s)) {
                throw new IllegalArgumentException("unknown stage " + s + " (known: " + ALL_STAGES + ")");
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (String s : ALL_STAGES) {
            if (wanted.contains(s)) {
                ordered.add(s);
            }
        }
        return ordered;
    }
}
