package io.dossierpulse.domain.indicators;

import java.util.Arrays;

/**
 * A vector of counts, one per {@link Measure}: the counters of one agency, procedure and date, or
 * any sum of them. Mutable on purpose: it is an accumulator on the per-event path and in merges;
 * copy it before sharing.
 */
public final class Tally {

    private final long[] counts;

    public Tally() {
        this.counts = new long[Measure.COUNT];
    }

    private Tally(long[] counts) {
        this.counts = counts;
    }

    /** Wraps stored counts; a shorter array (an older layout) reads as zeros for the newer measures. */
    public static Tally of(long[] counts) {
        return new Tally(counts.length == Measure.COUNT ? counts : Arrays.copyOf(counts, Measure.COUNT));
    }

    public long get(Measure m) {
        return counts[m.ordinal()];
    }

    public Tally add(Measure m, long delta) {
        counts[m.ordinal()] += delta;
        return this;
    }

    /** Adds every count of another tally to this one. */
    public Tally merge(Tally other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        return this;
    }

    /** Sets every count back to zero, so an accumulator can be reused without allocating. */
    public Tally clear() {
        Arrays.fill(counts, 0L);
        return this;
    }

    public Tally copy() {
        return new Tally(counts.clone());
    }

    public boolean isZero() {
        for (long c : counts) {
            if (c != 0) {
                return false;
            }
        }
        return true;
    }

    /** The counts in {@link Measure} order; a copy. */
    public long[] toArray() {
        return counts.clone();
    }

    public long received() {
        return get(Measure.RECEIVED_IN_PERSON) + get(Measure.RECEIVED_ONLINE) + get(Measure.RECEIVED_POSTAL);
    }

    /** Dossiers resolved, those without a due to judge them by ("SLA untracked") included. */
    public long resolved() {
        return judgedResolved() + get(Measure.RESOLVED_UNTRACKED);
    }

    /** Dossiers resolved and judged against a due: early, on time or late. */
    public long judgedResolved() {
        return get(Measure.RESOLVED_EARLY) + get(Measure.RESOLVED_ON_TIME) + get(Measure.RESOLVED_LATE);
    }

    /** Open dossiers, those without a due ("SLA untracked") included. */
    public long open() {
        return judgedOpen() + get(Measure.OPEN_UNTRACKED);
    }

    /** Open dossiers with a due: within it or overdue. */
    public long judgedOpen() {
        return get(Measure.OPEN_ON_TIME) + get(Measure.OPEN_OVERDUE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tally t && Arrays.equals(counts, t.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tally[");
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                sb.append(Measure.of(i)).append('=').append(counts[i]).append(' ');
            }
        }
        return sb.append(']').toString();
    }
}
