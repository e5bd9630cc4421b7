package io.dossierpulse.streams;

import io.dossierpulse.contract.RejectReason;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The intake's counters. Meters are resolved once, so counting costs an increment on the per-event
 * path. Labels are bounded enums: never a dossier id.
 */
public final class IntakeMetrics {

    private final Map<EventType, Counter> applied = new EnumMap<>(EventType.class);
    private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);
    private final Counter duplicates;
    private final Counter held;
    private final Counter gapSeqsSkipped;

    public IntakeMetrics(MeterRegistry registry) {
        for (EventType t : EventType.values()) {
            applied.put(t, Counter.builder("pulse.events.applied").description("Events applied to dossier state")
                    .tag("type", t.name()).register(registry));
        }
        for (RejectReason r : RejectReason.values()) {
            rejected.put(r, Counter.builder("pulse.events.rejected")
                    .description("Records sent to the dead-letter topic").tag("reason", r.name()).register(registry));
        }
        duplicates = Counter.builder("pulse.events.duplicates").description("Duplicate events dropped")
                .register(registry);
        held = Counter.builder("pulse.events.held").description("Events held waiting for an earlier seq")
                .register(registry);
        gapSeqsSkipped = Counter.builder("pulse.events.seq.skipped")
                .description("Missing seqs given up after a hold timed out").register(registry);
    }

    void applied(DossierEvent e) {
        applied.get(e.type()).increment();
    }

    void rejected(RejectReason reason) {
        rejected.get(reason).increment();
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
