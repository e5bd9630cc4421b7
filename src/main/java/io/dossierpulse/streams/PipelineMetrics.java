package io.dossierpulse.streams;

import io.dossierpulse.domain.sla.SlaEventType;
import io.dossierpulse.contract.RejectReason;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.DossierStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * The pipeline's meters. Meters are resolved once, so counting costs an increment on the per-event
 * path. Labels are bounded enums: never a dossier id.
 */
public final class PipelineMetrics {

    private final Map<SlaEventType, Counter> slaEvents = new EnumMap<>(SlaEventType.class);
    private final Timer eventLag;
    private final Timer punctuation;
    /** Open dossiers by status code, summed over the tasks of this instance. */
    private final AtomicLongArray openByStatus = new AtomicLongArray(11);
    private final Set<LongSupplier> deadlineIndexSizes = ConcurrentHashMap.newKeySet();
    /** Open dossiers past their due (the overdue lists of this instance's tasks). */
    private final java.util.concurrent.atomic.AtomicLong overdue = new java.util.concurrent.atomic.AtomicLong();

    private final Map<EventType, Counter> applied = new EnumMap<>(EventType.class);
    private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);
    private final Counter duplicates;
    private final Counter held;
    private final Counter gapSeqsSkipped;
    private final Counter stateCacheHits;
    private final Counter stateCacheMisses;
    private final Timer taskRebuild;
    private final Counter stateUnreadable;
    private final Counter punctuationErrors;
    private final Map<io.dossierpulse.domain.portal.PortalTranslation.Outcome, Counter> portalSnapshots =
            new EnumMap<>(io.dossierpulse.domain.portal.PortalTranslation.Outcome.class);

    public PipelineMetrics(MeterRegistry registry) {
        for (EventType t : EventType.values()) {
            applied.put(t, Counter.builder("pulse.events.applied").description("Events applied to dossier state")
                    .tag("type", t.name()).register(registry));
        }
        for (RejectReason r : RejectReason.values()) {
            rejected.put(r, Counter.builder("pulse.events.rejected")
                    .description("Records sent to the dead-letter topic").tag("reason", r.name()).register(registry));
        }
        for (var o : io.dossierpulse.domain.portal.PortalTranslation.Outcome.values()) {
            portalSnapshots.put(o, Counter.builder("pulse.portal.snapshots")
                    .description("National-portal sync items translated, by outcome").tag("outcome", o.name())
                    .register(registry));
        }
        duplicates = Counter.builder("pulse.events.duplicates").description("Duplicate events dropped")
                .register(registry);
        held = Counter.builder("pulse.events.held").description("Events held waiting for an earlier seq")
                .register(registry);
        gapSeqsSkipped = Counter.builder("pulse.events.seq.skipped")
                .description("Missing seqs given up after a hold timed out").register(registry);
        stateCacheHits = Counter.builder("pulse.dossier.cache").description("Dossier state reads by the stream tasks")
                .tag("result", "hit").register(registry);
        stateCacheMisses = Counter.builder("pulse.dossier.cache").description("Dossier state reads by the stream tasks")
                .tag("result", "miss").register(registry);
        stateUnreadable = Counter.builder("pulse.state.unreadable")
                .description("Stored dossier states that could not be read (quarantined dossiers)").register(registry);
        punctuationErrors = Counter.builder("pulse.punctuation.errors")
                .description("Deadline firings or hold releases that failed and were skipped").register(registry);
        for (HandledFailures f : HandledFailures.values()) {
            io.micrometer.core.instrument.FunctionCounter.builder("pulse.stream.errors.handled", f, HandledFailures::total)
                    .description("Failures the Kafka Streams processing and production exception handlers dealt with")
                    .tag("handler", f.handler).tag("outcome", f.outcome).register(registry);
        }
        taskRebuild = Timer.builder("pulse.task.rebuild")
                .description("A starting task's rebuild of its deadlines, gauges and published counters from its stores")
                .register(registry);
        for (SlaEventType t : SlaEventType.values()) {
            slaEvents.put(t, Counter.builder("pulse.sla.events").description("SLA events emitted")
                    .tag("type", t.name()).register(registry));
        }
        eventLag = Timer.builder("pulse.event.lag").description("From an event's occurredAt to its processing")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofDays(1)).register(registry);
        punctuation = Timer.builder("pulse.punctuation").description("Deadline scans and view publishing")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("pulse.deadline.index.entries", this, m -> m.deadlineIndexSizes.stream()
                .mapToLong(LongSupplier::getAsLong).sum())
                .description("Pending deadlines (approximate)").register(registry);
        Gauge.builder("pulse.dossiers.overdue", overdue, java.util.concurrent.atomic.AtomicLong::get)
                .description("Open dossiers past their due on this instance").register(registry);
        for (DossierStatus s : DossierStatus.values()) {
            if (!s.isFinal()) {
                Gauge.builder("pulse.dossiers.open", openByStatus, a -> a.get(s.code()))
                        .description("Dossiers in a non-final status on this instance").tag("status", s.name())
                        .register(registry);
            }
        }
    }

    void slaEvent(SlaEventType type) {
        slaEvents.get(type).increment();
    }

    void eventLag(long millis) {
        eventLag.record(Math.max(0, millis), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void stateCacheHit() {
        stateCacheHits.increment();
    }

    void stateCacheMiss() {
        stateCacheMisses.increment();
    }

    void stateUnreadable() {
        stateUnreadable.increment();
    }

    void punctuationError() {
        punctuationErrors.increment();
    }

    void taskRebuilt(long nanos) {
        taskRebuild.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    void punctuation(long nanos) {
        punctuation.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    void statusChanged(DossierStatus from, DossierStatus to) {
        if (from != null && !from.isFinal()) {
            openByStatus.decrementAndGet(from.code());
        }
        if (to != null && !to.isFinal()) {
            openByStatus.incrementAndGet(to.code());
        }
    }

    void openAdjust(int statusCode, long delta) {
        openByStatus.addAndGet(statusCode, delta);
    }

    void overdueChanged(long delta) {
        overdue.addAndGet(delta);
    }

    void watchDeadlineIndex(LongSupplier size) {
        deadlineIndexSizes.add(size);
    }

    void unwatchDeadlineIndex(LongSupplier size) {
        deadlineIndexSizes.remove(size);
    }

    void applied(DossierEvent e) {
        applied.get(e.type()).increment();
    }

    void rejected(RejectReason reason) {
        rejected.get(reason).increment();
    }

    void portalSnapshot(io.dossierpulse.domain.portal.PortalTranslation.Outcome outcome) {
        portalSnapshots.get(outcome).increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    void held() {
        held.increment();
    }

    void gapSkipped(long seqs) {
        gapSeqsSkipped.increment(Math.max(0, seqs));
    }
}
