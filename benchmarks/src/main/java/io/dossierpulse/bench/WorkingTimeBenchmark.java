package io.dossierpulse.bench;

import io.dossierpulse.domain.calendar.WorkingCalendar;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Working-time arithmetic of the standard calendar: the working seconds between two instants up to
 * two months apart (what a pause or an overdue report measures), adding up to 30 working days to an
 * instant (what a due or a resume computes), and the working-second ordinal both rest on.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WorkingTimeBenchmark {

    private static final long MAX_SPAN_SECONDS = 60L * 86_400;

    private WorkingCalendar calendar;
    private Instant[] from;
    private Instant[] to;
    private long[] fromSeconds;
    private long[] amounts;
    private int cursor;

    @Setup
    public void setUp() {
        calendar = WorkingCalendar.standard();
        SplittableRandom rnd = Workload.random(4);
        from = Workload.instantsAcrossYear(rnd);
        fromSeconds = Workload.epochSeconds(from);
        to = new Instant[Workload.SIZE];
        amounts = new long[Workload.SIZE];
        long maxAmount = 30L * calendar.workingSecondsPerDay();
        for (int i = 0; i < Workload.SIZE; i++) {
            to[i] = Workload.later(from[i], rnd, 0, MAX_SPAN_SECONDS);
            amounts[i] = 1 + rnd.nextLong(maxAmount);
        }
        // Builds the year tables before measurement; also checks that adding and measuring agree.
        for (int i = 0; i < Workload.SIZE; i++) {
            Instant reached = calendar.addWorkingSeconds(from[i], amounts[i]);
            if (calendar.workingSecondsBetween(from[i], reached) != amounts[i]) {
                throw new IllegalStateException("working time does not add up from " + from[i]);
            }
        }
    }

    @Benchmark
    public long workingSecondsBetween() {
        int i = cursor;
        cursor = (i + 1) & Workload.MASK;
        return calendar.workingSecondsBetween(from[i], to[i]);
    }

    @Benchmark
    public Instant addWorkingSeconds() {
        int i = cursor;
        cursor = (i + 1) & Workload.MASK;
        return calendar.addWorkingSeconds(from[i], amounts[i]);
    }

    @Benchmark
    public long workingOrdinal() {
        int i = cursor;
        cursor = (i + 1) & Workload.MASK;
        return calendar.workingOrdinal(fromSeconds[i]);
    }
}
