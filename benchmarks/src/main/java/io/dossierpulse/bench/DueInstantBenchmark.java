package io.dossierpulse.bench;

import io.dossierpulse.domain.sla.Due;
import io.dossierpulse.domain.sla.SlaEngine;
import io.dossierpulse.domain.sla.SlaLimit;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The due of a statutory limit for one acceptance instant: {@link SlaEngine#due(Instant, SlaLimit)}
 * (clock start and due as instants) and the allocation-free {@link SlaEngine#dueEpochSecond}.
 * Acceptances are spread over a whole year, so lunch breaks, evenings, weekends, Tết and the
 * make-up Saturday all occur; the limit sweeps the catalog's range.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DueInstantBenchmark {

    /** Catalog notation: working days, working hours, same day with the civil-status cutoff. */
    @Param({"1d", "3d", "15d", "30d", "8h", "same-day<15:00"})
    public String limit;

    private SlaEngine engine;
    private SlaLimit slaLimit;
    private Instant[] accepted;
    private long[] acceptedSeconds;
    private int cursor;

    @Setup
    public void setUp() {
        engine = SlaEngine.standard();
        slaLimit = Workload.limit(limit);
        accepted = Workload.instantsAcrossYear(Workload.random(1));
        acceptedSeconds = Workload.epochSeconds(accepted);
        // Builds the calendar's year tables (lazy) before measurement, and checks both forms agree.
        for (int i = 0; i < accepted.length; i++) {
            long viaInstant = engine.due(accepted[i], slaLimit).dueAt().getEpochSecond();
            if (viaInstant != engine.dueEpochSecond(acceptedSeconds[i], slaLimit)) {
                throw new IllegalStateException("due disagrees for " + accepted[i] + " " + limit);
            }
        }
    }

    @Benchmark
    public Due dueInstant() {
        int i = cursor;
        cursor = (i + 1) & Workload.MASK;
        return engine.due(accepted[i], slaLimit);
    }

    @Benchmark
    public long dueEpochSecond() {
        int i = cursor;
        cursor = (i + 1) & Workload.MASK;
        return engine.dueEpochSecond(acceptedSeconds[i], slaLimit);
    }
}
