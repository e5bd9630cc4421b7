package io.dossierpulse.perf.stage;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import io.dossierpulse.perf.probe.ResourceUsage;
import io.dossierpulse.perf.probe.StackSampler;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * Runs one Kafka Streams application over the whole input topic and measures it from
 * {@code KafkaStreams.start()} until the offsets its group has committed reach the end of every
 * input partition. Under exactly_once_v2 offsets are committed in the same transaction as the
 * state-store changelog and the outputs, so that moment is "every record processed, its effects
 * durable and visible to read_committed readers", the same point for every Streams stage whatever
 * their processing does. The committed offsets are read with an Admin client every 100 ms.
 */
public final class StreamsStage {

    private static final long POLL_MILLIS = 100;
    private static final long PROGRESS_NANOS = 5_000_000_000L;
    private static final long STALL_NANOS = 180_000_000_000L;

    /**
     * Looks at what a stage left on the broker, outside the timed window: called once the application
     * is closed (its transactions finished) and before its internal topics are deleted.
     */
    @FunctionalInterface
    public interface AfterClose {
        AfterClose NONE = applicationId -> List.of();

        /** @return lines for the stage's notes */
        List<String> inspect(String applicationId) throws Exception;
    }

    /** @param notes called once every record is committed, before the application is closed */
    public record Plan(String name, String applicationId, Topology topology, Properties props,
            Supplier<List<String>> notes, AfterClose afterClose) {
    }

    private StreamsStage() {
    }

    public static StageResult run(Plan plan, Admin admin, List<TopicPartition> input, long expected,
            long timeoutSeconds, Path jfrFile, long sampleMillis, PrintStream out) throws Exception {
        Map<String, Long> sizesBefore = Topics.sizes(admin);
        KafkaStreams streams = new KafkaStreams(plan.topology(), plan.props());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        streams.setUncaughtExceptionHandler(e -> {
            failure.compareAndSet(null, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        Recording recording = null;
        if (jfrFile != null) {
            recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setName("e2e-" + plan.name());
            recording.setDestination(jfrFile);
            recording.start();
        }
        try {
            return measure(plan, streams, failure, recording, sizesBefore, admin, input, expected, timeoutSeconds,
                    jfrFile, sampleMillis, out);
        } catch (Exception | Error e) {
            // Stream threads are not daemons: a failed stage must not leave them running.
            streams.close(Duration.ofSeconds(30));
            throw e;
        }
    }

    private static StageResult measure(Plan plan, KafkaStreams streams, AtomicReference<Throwable> failure,
            Recording recording, Map<String, Long> sizesBefore, Admin admin, List<TopicPartition> input,
            long expected, long timeoutSeconds, Path jfrFile, long sampleMillis, PrintStream out) throws Exception {
        ResourceUsage before = ResourceUsage.start();
        StackSampler sampler = StackSampler.start(sampleMillis);
        long started = System.nanoTime();
        streams.start();
        long firstCommitAt = -1;
        long committed = 0;
        long lastReport = started;
        long lastReportCommitted = 0;
        long lastProgress = started;
        long deadline = started + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        List<long[]> samples = new ArrayList<>();
        samples.add(new long[] {started, 0});
        while (committed < expected) {
            Thread.sleep(POLL_MILLIS);
            long now = System.nanoTime();
            if (now > deadline) {
                out.printf("  %s: STOPPED at the %d s time limit with %,d of %,d committed (%.1f%%)%n", plan.name(),
                        timeoutSeconds, committed, expected, 100.0 * committed / expected);
                break;
            }
            if (failure.get() != null) {
                throw new IllegalStateException(plan.name() + ": a stream thread failed", failure.get());
            }
            KafkaStreams.State state = streams.state();
            if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException(plan.name() + ": Kafka Streams stopped in state " + state);
            }
            long c = Topics.committed(admin, plan.applicationId(), input);
            if (c > committed) {
                lastProgress = now;
                if (firstCommitAt < 0) {
                    firstCommitAt = now;
                }
                committed = c;
                samples.add(new long[] {now, c});
            } else if (now - lastProgress > STALL_NANOS) {
                throw new IllegalStateException(plan.name() + ": no commit for three minutes at " + committed);
            }
            if (now - lastReport >= PROGRESS_NANOS) {
                out.printf("  %s: %,d of %,d committed (%.1f%%), %,.0f events/s, state %s%n", plan.name(), committed,
                        expected, 100.0 * committed / expected,
                        (committed - lastReportCommitted) / ((now - lastReport) / 1e9), state);
                lastReport = now;
                lastReportCommitted = committed;
            }
        }
        long done = committed >= expected ? samples.get(samples.size() - 1)[0] : System.nanoTime();
        ResourceUsage after = ResourceUsage.now();
        if (recording != null) {
            recording.stop();
            recording.close();
            out.println("  flight recording: " + jfrFile);
        }
        List<String> notes = new ArrayList<>(plan.notes().get());
        if (sampler != null) {
            notes.addAll(sampler.summary());
        }
        if (!streams.close(Duration.ofSeconds(60))) {
            out.println("  (Kafka Streams did not close within 60 s)");
        }
        streams.cleanUp();
        notes.addAll(written(sizesBefore, Topics.sizes(admin)));
        notes.addAll(plan.afterClose().inspect(plan.applicationId()));
        Topics.deleteInternal(admin, plan.applicationId());
        long startup = (firstCommitAt < 0 ? done : firstCommitAt) - started;
        return new StageResult(plan.name(), committed, (done - started) / 1e9, startup / 1e9, before.until(after),
                notes, expected, tenths(samples, started, done));
    }

    /** Events per second in each tenth of [started, done], from the committed-offset samples. */
    static List<Double> tenths(List<long[]> samples, long started, long done) {
        List<Double> rates = new ArrayList<>();
        double step = (done - started) / 10.0;
        for (int t = 0; t < 10; t++) {
            long from = started + Math.round(t * step);
            long to = started + Math.round((t + 1) * step);
            rates.add((committedAt(samples, to) - committedAt(samples, from)) / ((to - from) / 1e9));
        }
        return rates;
    }

    /** The committed count at an instant, interpolated between the samples around it. */
    private static double committedAt(List<long[]> samples, long at) {
        long[] prev = samples.get(0);
        for (long[] s : samples) {
            if (s[0] >= at) {
                if (s[0] == prev[0]) {
                    return s[1];
                }
                return prev[1] + (double) (s[1] - prev[1]) * (at - prev[0]) / (s[0] - prev[0]);
            }
            prev = s;
        }
        return prev[1];
    }

    /** What the stage wrote: the growth of every topic, largest first. */
    private static List<String> written(Map<String, Long> before, Map<String, Long> after) {
        List<Map.Entry<String, Long>> grown = new ArrayList<>();
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long delta = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (delta > 0) {
                grown.add(Map.entry(e.getKey(), delta));
            }
        }
        grown.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        List<String> lines = new ArrayList<>();
        long total = 0;
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Long> e : grown) {
            total += e.getValue();
            sb.append(String.format(" %s %.1f MB;", e.getKey(), e.getValue() / 1e6));
        }
        lines.add(String.format("written to the broker: %.1f MB in total:%s", total / 1e6, sb));
        return lines;
    }
}
