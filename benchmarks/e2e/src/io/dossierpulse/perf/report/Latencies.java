package io.dossierpulse.perf.report;

import java.util.Arrays;

/**
 * The delays of one measure at one rate, in nanoseconds. Percentiles are by nearest rank over every
 * value kept, not estimated from buckets: a window holds at most a few hundred thousand values.
 */
public final class Latencies {

    /** Percentiles in milliseconds; NaN when nothing was recorded. */
    public record Summary(int count, double p50, double p90, double p99, double max, long givenUp) {
    }

    private long[] values = new long[4096];
    private int count;
    private long givenUp;

    public synchronized void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    /** A sample that never became visible within the probe's patience. */
    public synchronized void giveUp() {
        givenUp++;
    }

    synchronized int count() {
        return count;
    }

    synchronized long givenUp() {
        return givenUp;
    }

    public synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return new Summary(count, rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99),
                count == 0 ? Double.NaN : sorted[count - 1] / 1e6, givenUp);
    }

    private static double rank(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }
}
