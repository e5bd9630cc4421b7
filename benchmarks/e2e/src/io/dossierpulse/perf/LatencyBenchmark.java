package io.dossierpulse.perf;

import io.dossierpulse.broker.EmbeddedKafkaBroker;
import io.dossierpulse.domain.calendar.WorkingCalendar;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.dossier.DossierLedger;
import io.dossierpulse.perf.load.LiveTraffic;
import io.dossierpulse.perf.probe.ProbeDossiers;
import io.dossierpulse.perf.probe.PublishedCounters;
import io.dossierpulse.perf.probe.SlaListener;
import io.dossierpulse.perf.probe.VisibilityProbe;
import io.dossierpulse.perf.report.LatencyReport;
import io.dossierpulse.perf.report.MachineInfo;
import io.dossierpulse.perf.stage.RateStage;
import io.dossierpulse.perf.stage.StreamsSettings;
import io.dossierpulse.streams.DossierTopology;
import io.dossierpulse.streams.InputLag;
import io.dossierpulse.streams.PipelineMetrics;
import io.dossierpulse.streams.TopicInitializer;
import io.dossierpulse.streams.TopologySettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * Latency under a steady offered load, on one machine, in one JVM: a real KRaft broker, the
 * production topology in Kafka Streams with production's settings, and live generated traffic at
 * each offered rate in turn. For each rate it reports how long a sent event takes to become visible
 * in the dossier store (interactive query) and in the published counters, and how long after an SLA
 * deadline passes its announcement reaches a read_committed subscriber. The last lines are one
 * {@code LATENCY} line per rate. It shares the throughput harness of docs/benchmarks.md.
 */
public final class LatencyBenchmark {

    /** The topology reads its lag as zero: a partition follows the wall clock once idle, as in production. */
    private static final InputLag CAUGHT_UP = partition -> 0;
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private LatencyBenchmark() {
    }

    public static void main(String[] args) {
        HarnessMain.run("latency benchmark", args, LatencyOptions::parse, LatencyOptions.USAGE, LatencyBenchmark::run);
    }

    private static void run(LatencyOptions o, PrintStream out) throws Exception {
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = Files.createTempDirectory("pulse-latency-");
        out.println("== Dossier Pulse latency benchmark, run " + runId);
        MachineInfo.lines(dir).forEach(l -> out.println("  " + l));
        Map<String, String> production = StreamsSettings.production();
        int threads = Integer.parseInt(production.getOrDefault("num.stream.threads", "1"));
        out.println("  Kafka Streams settings from application.properties: " + production);
        TopologySettings settings = TopologySettings.defaults();
        ProbeDossiers probes = ProbeDossiers.roundTheClock(LocalDate.now(WorkingCalendar.ZONE));
        out.println("  " + probes.describe());
        out.printf("  rates %s events/s, each %d s of warm-up (%d s more for the first) then %d s measured;"
                + " %d partitions; %d probe dossiers/s; about %d store lookups/s; counters published every %d ms%n",
                o.rates(), o.warmupSeconds(), o.primeSeconds(), o.seconds(), o.partitions(), o.probesPerSecond(),
                o.lookupsPerSecond(), settings.scanInterval().toMillis());

        List<RateStage.Result> results = new ArrayList<>();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("broker"), "127.0.0.1",
                HarnessMain.freePort(), HarnessMain.freePort());
        try {
            String bootstrap = broker.bootstrapServers();
            out.printf("  broker: %s, data in %s%n", bootstrap, dir.resolve("broker"));
            TopicInitializer.ensureTopics(bootstrap, o.partitions(), (short) 1,
                    settings.topics());
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            PublishedCounters counters = new PublishedCounters(o.partitions());
            DossierLedger ledger = new DossierLedger(ProcedureCatalog.loadDefault(), probes.engine());
            Properties props = StreamsSettings.forStage(production, "latency-" + runId.replace("-", ""), bootstrap,
                    dir.resolve("state"), threads);
            KafkaStreams streams = new KafkaStreams(DossierTopology.build(settings, new PipelineMetrics(registry),
                    ledger, counters, CAUGHT_UP), props);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            streams.setUncaughtExceptionHandler(e -> {
                failure.compareAndSet(null, e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            Runnable health = () -> healthy(streams, failure);
            try (SlaListener listener = new SlaListener(bootstrap, settings.slaTopic(), ProbeDossiers.PREFIX);
                    KafkaProducer<String, byte[]> producer = producer(bootstrap);
                    VisibilityProbe visibility = new VisibilityProbe(streams, counters, o.partitions())) {
                streams.start();
                awaitRunning(streams, health);
                RateStage stage = new RateStage(new RateStage.Wiring(producer, settings.eventsTopic(),
                        new LiveTraffic(o.seed(), o.partitions()), probes, visibility, listener, health), o);
                for (int rate : o.rates()) {
                    int warmup = o.warmupSeconds() + (results.isEmpty() ? o.primeSeconds() : 0);
                    out.printf("%n== Rate %,d events/s: %d s warm-up, %d s measured (load average %s)%n", rate,
                            warmup, o.seconds(), MachineInfo.loadAverage());
                    RateStage.Result r = stage.run(rate, warmup);
                    LatencyReport.rate(r, out);
                    results.add(r);
                }
                out.printf("%n== Pipeline: applied %,d events; dead-lettered %,d %s; SLA events announced %,d %s"
                        + " (%,d of them for generated dossiers)%n", total(registry, "pulse.events.applied"),
                        total(registry, "pulse.events.rejected"), byTag(registry, "pulse.events.rejected", "reason"),
                        total(registry, "pulse.sla.events"), byTag(registry, "pulse.sla.events", "type"),
                        listener.others());
            } finally {
                if (!streams.close(Duration.ofSeconds(30))) {
                    out.println("  (Kafka Streams did not close within 30 s)");
                }
            }
        } finally {
            broker.close();
            HarnessMain.deleteTree(dir);
        }
        // The chart first: the LATENCY lines of the summary are the last of the output.
        LatencyReport.chart(results, runId, List.of(o.repo().resolve("benchmarks/target/e2e-latency.png"),
                o.repo().resolve("docs/e2e-latency.png")), out);
        LatencyReport.summary(results, runId, o.repo().resolve("benchmarks/target/latency-" + runId + ".csv"), out);
        verify(results);
    }

    /** Every probe deadline must have been announced (samples given up are reported in the summary). */
    private static void verify(List<RateStage.Result> results) {
        long missing = results.stream().mapToLong(r -> r.missing().size()).sum();
        if (missing > 0) {
            throw new IllegalStateException(missing + " probe deadline(s) passed without an SLA event");
        }
    }

    /** Produces as the service's HTTP ingest does (its own settings); the rate stage needs a callback per send. */
    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(io.dossierpulse.ingest.EventPublisher.producerSettings(bootstrap, "latency-producer"),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static void awaitRunning(KafkaStreams streams, Runnable health) throws InterruptedException {
        long give = System.nanoTime() + STARTUP.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            health.run();
            if (System.nanoTime() > give) {
                throw new IllegalStateException("Kafka Streams not running after " + STARTUP + ": " + streams.state());
            }
            Thread.sleep(50);
        }
    }

    private static void healthy(KafkaStreams streams, AtomicReference<Throwable> failure) {
        if (failure.get() != null) {
            throw new IllegalStateException("a stream thread failed", failure.get());
        }
        KafkaStreams.State s = streams.state();
        if (s == KafkaStreams.State.ERROR || s == KafkaStreams.State.NOT_RUNNING
                || s == KafkaStreams.State.PENDING_SHUTDOWN || s == KafkaStreams.State.PENDING_ERROR) {
            throw new IllegalStateException("Kafka Streams stopped: " + s);
        }
    }

    private static long total(SimpleMeterRegistry registry, String name) {
        return (long) registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static Map<String, Long> byTag(SimpleMeterRegistry registry, String name, String tag) {
        Map<String, Long> out = new TreeMap<>();
        for (Counter c : registry.find(name).counters()) {
            if (c.count() > 0) {
                out.merge(c.getId().getTag(tag), (long) c.count(), Long::sum);
            }
        }
        return out;
    }
}
