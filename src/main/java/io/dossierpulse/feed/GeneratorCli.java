package io.dossierpulse.feed;

import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.generator.GeneratorConfig;
import io.dossierpulse.generator.TrafficGenerator;
import io.dossierpulse.streams.TopicNames;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code generate} command: writes seeded, deterministic Hanoi-like traffic to Kafka or to an NDJSON
 * file, printing rate, count and ETA while it runs. Unknown options are refused (exit 2).
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write seeded, deterministic Hanoi-like traffic to Kafka or to an NDJSON file.")
public final class GeneratorCli implements Callable<Integer> {

    enum Destination { kafka, file }

    @Option(names = "--events", defaultValue = "100000", description = "stop after N events (default ${DEFAULT-VALUE})")
    long events;

    @Option(names = "--to", defaultValue = "kafka", description = "kafka or file (default ${DEFAULT-VALUE})")
    Destination to;

    @Option(names = "--bootstrap", defaultValue = "127.0.0.1:9092",
            description = "Kafka bootstrap servers (default ${DEFAULT-VALUE}); security from the kafka.* settings")
    String bootstrap;

    @Option(names = "--topic", defaultValue = TopicNames.EVENTS, description = "topic (default ${DEFAULT-VALUE})")
    String topic;

    @Option(names = "--out", defaultValue = "events.ndjson", description = "NDJSON file for --to file (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--rate", defaultValue = "0", description = "events per second, 0 for as fast as possible")
    double rate;

    @Option(names = "--seed", defaultValue = "1", description = "random seed; same seed, same events (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--start", description = "simulated start instant, ISO-8601 with offset (default 2025-01-01T00:00:00+07:00)")
    OffsetDateTime start;

    @Option(names = "--per-day", defaultValue = "12000", description = "dossiers submitted per simulated day (default ${DEFAULT-VALUE})")
    double perDay;

    public static int run(String... args) {
        return new CommandLine(new GeneratorCli()).execute(args);
    }

    @Override
    public Integer call() {
        if (events < 0 || rate < 0 || perDay <= 0) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--events and --rate must be >= 0 and --per-day above 0");
        }
        GeneratorConfig config = GeneratorConfig.defaults().withSeed(seed).withDossiersPerDay(perDay);
        if (start != null) {
            config = config.withStart(start.toInstant());
        }
        EventSink sink = to == Destination.kafka ? EventSink.kafka(bootstrap, topic) : EventSink.ndjson(out);
        long written = generate(TrafficGenerator.hanoi(config), sink, events, rate, System.err);
        return written == events ? 0 : 1;
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
        double perSecond = n / seconds;
        long etaSeconds = perSecond > 0 ? (long) ((limit - n) / perSecond) : 0;
        out.printf("generated %,d / %,d events  %,.0f events/s  ETA %s  simulated time %s%n", n, limit, perSecond,
                Duration.ofSeconds(etaSeconds).toString().substring(2).toLowerCase(), simulated);
    }
}
