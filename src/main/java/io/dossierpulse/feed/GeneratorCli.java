package io.dossierpulse.feed;

import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.generator.GeneratorConfig;
import io.dossierpulse.generator.TrafficGenerator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code generate} command: writes seeded, deterministic Hanoi-like traffic to Kafka or to an NDJSON
 * file, printing rate, count and ETA while it runs. See {@link #USAGE}.
 */
public final class GeneratorCli {

    static final String USAGE = """
            Usage: generate [options]
              --events N          stop after N events (default 100000)
              --to kafka|file     destination (default kafka)
              --bootstrap HOSTS   Kafka bootstrap servers (default 127.0.0.1:9092)
              --topic NAME        topic (default dossier.events)
              --out FILE          NDJSON file for --to file (default events.ndjson)
              --rate N            events per second, 0 for as fast as possible (default 0)
              --seed N            random seed; same seed, same events (default 1)
              --start ISO         simulated start instant (default 2025-01-01T00:00:00+07:00)
              --per-day N         dossiers submitted per simulated day (default 12000)
            """;

    private GeneratorCli() {
    }

    public static int run(String... args) {
        Map<String, String> opts;
        try {
            opts = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            return 2;
        }
        if (opts.containsKey("help")) {
            System.out.print(USAGE);
            return 0;
        }
        try {
            long events = Long.parseLong(opts.getOrDefault("events", "100000"));
            GeneratorConfig config = GeneratorConfig.defaults()
                    .withSeed(Long.parseLong(opts.getOrDefault("seed", "1")))
                    .withDossiersPerDay(Double.parseDouble(opts.getOrDefault("per-day", "12000")));
            if (opts.containsKey("start")) {
                config = config.withStart(java.time.OffsetDateTime.parse(opts.get("start")).toInstant());
            }
            String to = opts.getOrDefault("to", "kafka");
            EventSink sink = switch (to) {
                case "kafka" -> EventSink.kafka(opts.getOrDefault("bootstrap", "127.0.0.1:9092"),
                        opts.getOrDefault("topic", "dossier.events"));
                case "file" -> EventSink.ndjson(Path.of(opts.getOrDefault("out", "events.ndjson")));
                default -> throw new IllegalArgumentException("--to must be kafka or file, got " + to);
            };
            long written = generate(TrafficGenerator.hanoi(config), sink, events,
                    Double.parseDouble(opts.getOrDefault("rate", "0")), System.err);
            return written == events ? 0 : 1;
        } catch (RuntimeException e) {
            System.err.println("generate failed: " + e.getMessage());
            return 1;
        }
    }

    /** Writes up to {@code limit} events; returns how many were written. Closes the sink. */
    static long generate(TrafficGenerator generator, EventSink sink, long limit, double rate, PrintStream progress) {
        Pacer pacer = new Pacer(rate);
        long startNanos = System.nanoTime();
        long nextReport = startNanos + 2_000_000_000L;
        long n = 0;
        try (sink) {
            while (n < limit && generator.hasNext()) {
                DossierEvent e = generator.next();
                sink.write(e);
                n++;
                pacer.await();
                if ((n & 1023) == 0 && System.nanoTime() >= nextReport) {
                    report(progress, n, limit, startNanos, generator.simulatedTime());
                    nextReport = System.nanoTime() + 2_000_000_000L;
                }
            }
        }
        report(progress, n, limit, startNanos, generator.simulatedTime());
        return n;
    }

    private static void report(PrintStream out, long n, long limit, long startNanos, Instant simulated) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        double rate = n / seconds;
        long etaSeconds = rate > 0 ? (long) ((limit - n) / rate) : 0;
        out.printf("generated %,d / %,d events  %,.0f events/s  ETA %s  simulated time %s%n", n, limit, rate,
                Duration.ofSeconds(etaSeconds).toString().substring(2).toLowerCase(), simulated);
    }

    static Map<String, String> parse(String... args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                opts.put("help", "");
                continue;
            }
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            opts.put(a.substring(2), args[++i]);
        }
        return opts;
    }
}
