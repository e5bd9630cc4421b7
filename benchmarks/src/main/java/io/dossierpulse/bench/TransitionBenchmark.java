package io.dossierpulse.bench;

import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.dossier.DossierLedger;
import io.dossierpulse.domain.dossier.Effects;
import io.dossierpulse.domain.dossier.DossierState;
import io.dossierpulse.domain.lifecycle.DossierLifecycle;
import io.dossierpulse.domain.lifecycle.Transition;
import io.dossierpulse.domain.sla.SlaClock;
import io.dossierpulse.domain.sla.SlaEngine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One dossier event per operation, walking pre-built dossiers through ACCEPTED, SUPPLEMENT_REQUESTED,
 * SUPPLEMENT_RECEIVED and RESOLVED (see {@link Dossiers}); after RESOLVED the next dossier starts.
 * The state each operation produces is kept in a field, as a store would keep it, so allocations
 * are real and counted by {@code -prof gc}.
 *
 * <ul>
 *   <li>{@link #lifecycleWithSla}: the lifecycle table lookup, then the SLA clock's matching
 *       transition: start, pause, resume (which moves the dues), outcome at the end.</li>
 *   <li>{@link #ledgerApply}: {@link DossierLedger#apply}, the whole per-event work of the domain:
 *       duplicates and seq order, the lifecycle, the SLA clock, the next {@link DossierState} and the
 *       effects (counter deltas, announcements) in the task's reused {@link Effects} buffer.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TransitionBenchmark {

    private static final long WALL_MILLIS = 1_800_000_000_000L;

    private SlaEngine engine;
    private DossierLedger ledger;
    private final Effects fx = new Effects();
    private Dossiers dossiers;
    private DossierEvent[] events;
    private int cursor;

    // What a store would hold for the dossier in flight.
    private DossierStatus status;
    private DossierState state;
    private SlaClock clock;

    @Setup
    public void setUp() {
        engine = SlaEngine.standard();
        ledger = new DossierLedger(ProcedureCatalog.loadDefault(), engine);
        dossiers = Dossiers.build(Workload.random(2));
        events = dossiers.events;
        // One pass over the events outside measurement builds the calendar's year tables; the
        // benchmark methods throw if any event is refused, so this also checks the inputs.
        for (int i = 0; i < events.length; i++) {
            lifecycleWithSla();
        }
        for (int i = 0; i < events.length; i++) {
            ledgerApply();
        }
        cursor = 0;
    }

    @Benchmark
    public Object lifecycleWithSla() {
        int i = cursor;
        cursor = (i + 1) & Workload.MASK;
        int step = i & (Dossiers.STEPS - 1);
        DossierEvent e = events[i];
        Transition t = DossierLifecycle.apply(step == 0 ? null : status, e.type());
        if (!t.isLegal()) {
            throw new IllegalStateException(t.message());
        }
        status = t.status();
        return clockStep(step, i, e);
    }

    @Benchmark
    public Effects ledgerApply() {
        int i = cursor;
        cursor = (i + 1) & Workload.MASK;
        fx.clear();
        ledger.apply((i & (Dossiers.STEPS - 1)) == 0 ? null : state, events[i], WALL_MILLIS, false, true, fx);
        if (fx.verdict() != Effects.Verdict.APPLIED) {
            throw new IllegalStateException(fx.verdict() + " " + fx.message());
        }
        state = fx.next();
        return fx;
    }

    /** The SLA side of an applied event; returns the new clock, or the outcome at the end. */
    private Object clockStep(int step, int i, DossierEvent e) {
        return switch (step) {
            case 0 -> clock = engine.start(e.occurredAt(), dossiers.procedures[i >> 2]);
            case 1 -> clock = clock.supplementRequested(e.occurredAt());
            case 2 -> clock = clock.resume(e.occurredAt(), engine);
            default -> clock.outcome(e.occurredAt(), engine);
        };
    }
}
