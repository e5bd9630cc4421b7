package io.dossierpulse.perf.stage;

import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.perf.LatencyOptions;
import io.dossierpulse.perf.load.LiveTraffic;
import io.dossierpulse.perf.probe.ProbeDossiers;
import io.dossierpulse.perf.probe.ResourceUsage;
import io.dossierpulse.perf.probe.SlaListener;
import io.dossierpulse.perf.probe.VisibilityProbe;
import io.dossierpulse.perf.report.Latencies;
import io.dossierpulse.perf.report.MachineInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One offered rate: a warm-up, then the measured window, sending generated traffic on a fixed
 * schedule (event i at start + i / rate, never ahead of it; late only when the sender cannot keep
 * up) with SLA probe dossiers beside it. Samples of the window are handed to the visibility probe;
 * once the window is over the stage waits for them and for the probes' announcements to settle.
 * Stages run one after the other on one topology, and the per-partition count of SUBMITTED events
 * runs from the start of the run, as the counters do.
 */
public final class RateStage {

    /** Probe deadlines fall this long after the probe is sent, at least and at most. */
    private static final long PROBE_LEAD_MIN_MS = 3_000;
    private static final long PROBE_LEAD_MAX_MS = 60_000;
    /** No probe deadline in the last seconds of the window: its announcement must come under load. */
    private static final long PROBE_MARGIN_MS = 3_000;
    /** Longer than the visibility probe's patience, so every sample of the window is settled by then. */
    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(90);
    /**
     * How long after the last probe deadline the announcements are waited for before the run fails:
     * long enough for a pipeline that fell behind the offered rate to catch up and announce late.
     */
    private static final long ANNOUNCE_PATIENCE_MS = 120_000;

    /**
     * @param achievedRate  events sent in the window per second of the window as it actually lasted
     * @param maxLagMillis  the furthest behind its schedule a send of the window was
     * @param missing       probes whose announcement never came (must be empty)
     */
    public record Result(int rate, long windowEvents, double achievedRate, boolean sustained, double maxLagMillis,
            double submittedShare, int lookupEvery, Latencies.Summary lookup, Latencies.Summary counters,
            Latencies.Summary sla, int probesExpected, int probesAnnounced, int unexpected, List<String> missing,
            List<String> notes) {
    }

    /** What the stages of a run send with and watch through. */
    public record Wiring(KafkaProducer<String, byte[]> producer, String topic, LiveTraffic traffic,
            ProbeDossiers probes, VisibilityProbe visibility, SlaListener listener, Runnable health) {
    }

    private final Wiring w;
    private final LatencyOptions o;
    private final EventCodec codec = new EventCodec();
    private final long[] submittedByPartition;
    private final SplittableRandom random;
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private final AtomicLong misrouted = new AtomicLong();

    public RateStage(Wiring wiring, LatencyOptions options) {
        this.w = wiring;
        this.o = options;
        this.submittedByPartition = new long[options.partitions()];
        this.random = new SplittableRandom(options.seed());
    }

    /** @param warmupSeconds seconds at this rate before the measured window */
    public Result run(int rate, int warmupSeconds) throws Exception {
        int every = o.lookupEvery(rate);
        Latencies lookup = new Latencies();
        Latencies counters = new Latencies();
        List<ProbeDossiers.Probe> probes = new ArrayList<>();
        double interval = 1e9 / rate;
        double probeInterval = 1e9 / o.probesPerSecond();
        long start = System.nanoTime();
        long startWall = System.currentTimeMillis();
        long window = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = window + TimeUnit.SECONDS.toNanos(o.seconds());
        long windowWall = startWall + warmupSeconds * 1000L;
        long windowEndWall = windowWall + o.seconds() * 1000L;
        long nextCheck = start + TimeUnit.SECONDS.toNanos(1);

        ResourceUsage before = null;
        long probeCpu = 0;
        long listenerCpu = 0;
        long reads = 0;
        String loadAtStart = null;
        long windowEvents = 0;
        long windowSubmitted = 0;
        long maxLag = 0;
        long probeCount = 0;
        for (long i = 0;; i++) {
            long due = start + (long) (i * interval);
            if (due >= end) {
                break;
            }
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            boolean measured = due >= window;
            if (measured && before == null) {
                before = ResourceUsage.start();
                probeCpu = w.visibility().cpuNanos();
                listenerCpu = w.listener().cpuNanos();
                reads = w.visibility().reads();
                loadAtStart = MachineInfo.loadAverage();
            }
            DossierEvent e = w.traffic().next(Instant.ofEpochMilli(System.currentTimeMillis()));
            send(e, measured && i % every == 0 ? lookup : null, measured ? counters : null);
            if (measured) {
                windowEvents++;
                windowSubmitted += e.type() == EventType.SUBMITTED ? 1 : 0;
                maxLag = Math.max(maxLag, now - due);
            }
            if (now >= start + (long) (probeCount * probeInterval)) {
                probeCount++;
                sendProbe(windowWall, windowEndWall, measured ? counters : null, probes);
            }
            if (now >= nextCheck) {
                check();
                nextCheck += TimeUnit.SECONDS.toNanos(1);
            }
        }
        long finished = System.nanoTime();
        ResourceUsage.Delta usage = before.until(ResourceUsage.now());
        double windowSeconds = (finished - window) / 1e9;
        probeCpu = w.visibility().cpuNanos() - probeCpu;
        listenerCpu = w.listener().cpuNanos() - listenerCpu;
        reads = w.visibility().reads() - reads;
        String loadAtEnd = MachineInfo.loadAverage();
        w.producer().flush();
        check();

        settleSamples();
        Latencies sla = new Latencies();
        List<String> missing = new ArrayList<>();
        int unexpected = announcements(probes, sla, missing);

        double achieved = windowEvents / windowSeconds;
        List<String> notes = new ArrayList<>();
        notes.add(usage.lines().get(0));
        notes.add(String.format("visibility probe thread %.1f%% of a core (%,.0f store reads/s), SLA reader %.1f%% of"
                + " a core", 100.0 * probeCpu / (windowSeconds * 1e9), reads / windowSeconds,
                100.0 * listenerCpu / (windowSeconds * 1e9)));
        notes.add(String.format("load average at the window's start %s, at its end %s", loadAtStart, loadAtEnd));
        notes.add(String.format("generator: %,d events so far, simulated time %s", w.traffic().sent(),
                w.traffic().simulatedTime()));
        return new Result(rate, windowEvents, achieved, achieved >= 0.98 * rate, maxLag / 1e6,
                windowEvents == 0 ? 0 : (double) windowSubmitted / windowEvents, every, lookup.summary(),
                counters.summary(), sla.summary(), probes.size(), probes.size() - missing.size(), unexpected,
                missing, notes);
    }

    /** Hands one event to the producer, filing its samples first: the clock starts just before send. */
    private void send(DossierEvent e, Latencies lookupInto, Latencies countInto) {
        int partition = w.traffic().partitionOf(e.dossierId());
        byte[] value = codec.encode(e);
        long ordinal = e.type() == EventType.SUBMITTED ? ++submittedByPartition[partition] : 0;
        long at = System.nanoTime();
        if (lookupInto != null) {
            w.visibility().expectState(partition, e.dossierId(), e.seq(), at, lookupInto);
        }
        if (ordinal > 0 && countInto != null) {
            w.visibility().expectCount(partition, ordinal, at, countInto);
        }
        w.producer().send(new ProducerRecord<>(w.topic(), e.dossierId(), value), (md, ex) -> {
            if (ex != null) {
                sendFailure.compareAndSet(null, ex);
            } else if (md.partition() != partition) {
                misrouted.incrementAndGet();
            }
        });
    }

    /** A probe whose deadline falls in the measured window, when one still can from now. */
    private void sendProbe(long windowWall, long windowEndWall, Latencies countInto,
            List<ProbeDossiers.Probe> probes) {
        long now = System.currentTimeMillis();
        long lower = Math.max(now + PROBE_LEAD_MIN_MS, windowWall);
        long upper = Math.min(now + PROBE_LEAD_MAX_MS, windowEndWall - PROBE_MARGIN_MS);
        if (lower > upper) {
            return;
        }
        long at = lower + random.nextLong(upper - lower + 1);
        // Deadlines are whole seconds: round up, never earlier than the lead allows.
        ProbeDossiers.Probe p = w.probes().next(Instant.ofEpochSecond((at + 999) / 1000));
        probes.add(p);
        for (DossierEvent e : p.events()) {
            send(e, null, countInto);
        }
    }

    private void check() {
        w.health().run();
        w.listener().check();
        if (sendFailure.get() != null) {
            throw new IllegalStateException("the broker refused an event", sendFailure.get());
        }
        if (misrouted.get() > 0) {
            throw new IllegalStateException(misrouted.get() + " events went to another partition than the"
                    + " default partitioner's: the samples' order would be wrong");
        }
    }

    private void settleSamples() throws InterruptedException {
        long give = System.nanoTime() + SETTLE_NANOS;
        while (!w.visibility().settled() && System.nanoTime() < give) {
            Thread.sleep(50);
            check();
        }
    }

    /**
     * Waits for every probe's announcement, then records the delay of each from its deadline to its
     * consumption. Returns the count of probe announcements that were not the expected one.
     */
    private int announcements(List<ProbeDossiers.Probe> probes, Latencies into, List<String> missing)
            throws InterruptedException {
        long lastDeadline = probes.stream().mapToLong(p -> p.deadline().toEpochMilli()).max().orElse(0);
        while (System.currentTimeMillis() < lastDeadline + ANNOUNCE_PATIENCE_MS
                && !probes.stream().allMatch(p -> match(p) != null)) {
            Thread.sleep(100);
            check();
        }
        int unexpected = 0;
        for (ProbeDossiers.Probe p : probes) {
            SlaListener.Announcement hit = match(p);
            if (hit == null) {
                missing.add(p.dossierId() + " " + p.kind() + " at " + p.deadline());
            } else {
                into.add(TimeUnit.MILLISECONDS.toNanos(hit.consumedAtMillis() - p.deadline().toEpochMilli()));
            }
            unexpected += w.listener().of(p.dossierId()).size() - (hit == null ? 0 : 1);
        }
        return unexpected;
    }

    private SlaListener.Announcement match(ProbeDossiers.Probe p) {
        for (SlaListener.Announcement a : w.listener().of(p.dossierId())) {
            if (a.kind().equals(p.kind()) && a.deadline().equals(p.deadline())) {
                return a;
            }
        }
        return null;
    }
}
