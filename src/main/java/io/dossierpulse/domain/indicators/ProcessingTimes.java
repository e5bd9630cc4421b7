package io.dossierpulse.domain.indicators;

/**
 * Percentiles of processing time (working minutes from clock start to resolution) read from the PT_
 * histogram of a {@link Tally}. The histogram keeps buckets, not times, so a percentile is reported
 * as the bucket it falls in: the true value lies in [{@code from}, {@code below}). The buckets
 * roughly double ({@link ProcessingTime}), so the upper bound can overstate the time by up to the
 * bucket's width (30 minutes at the low end, 24,000 working minutes in the 24,000-48,000 bucket).
 *
 * @param resolved resolved dossiers in the histogram
 * @param p50 median; null when nothing was resolved (as are p90 and p99)
 */
public record ProcessingTimes(long resolved, Percentile p50, Percentile p90, Percentile p99) {

    /**
     * The bucket a percentile falls in, in working minutes.
     *
     * @param from lower bound (inclusive)
     * @param below upper bound (exclusive); null for the open-ended last bucket (48,000 and over)
     */
    public record Percentile(long from, Long below) {

        static Percentile ofBucket(int bucket) {
            long upper = ProcessingTime.upperBound(bucket);
            return new Percentile(ProcessingTime.lowerBound(bucket), upper == Long.MAX_VALUE ? null : upper);
        }
    }

    // PT_00..PT_15 only: measures appended after them (SOURCE_DUE_*, ...) are not buckets.
    private static final int BUCKETS = Measure.PT_15.ordinal() - Measure.PT_00.ordinal() + 1;

    public static ProcessingTimes of(Tally t) {
        long n = resolvedIn(t);
        if (n <= 0) {
            return new ProcessingTimes(Math.max(n, 0), null, null, null);
        }
        return new ProcessingTimes(n, at(t, n, 500), at(t, n, 900), at(t, n, 990));
    }

    /**
     * One percentile, given in per mille (500 = median), by nearest rank: the bucket where the
     * cumulative count first reaches ceil(n x perMille / 1000). Null when nothing was resolved.
     */
    public static Percentile percentile(Tally t, int perMille) {
        if (perMille <= 0 || perMille > 1000) {
            throw new IllegalArgumentException("per mille must be in 1..1000: " + perMille);
        }
        long n = resolvedIn(t);
        return n <= 0 ? null : at(t, n, perMille);
    }

    private static long resolvedIn(Tally t) {
        long n = 0;
        for (int b = 0; b < BUCKETS; b++) {
            n += t.get(Measure.processingTimeBucket(b));
        }
        return n;
    }

    private static Percentile at(Tally t, long n, int perMille) {
        // Integer rank: a double 0.9 x n can land a hair above an integer and move the rank by one.
        long rank = Math.max(1, (n * perMille + 999) / 1000);
        long cumulative = 0;
        for (int b = 0; b < BUCKETS; b++) {
            cumulative += t.get(Measure.processingTimeBucket(b));
            if (cumulative >= rank) {
                return Percentile.ofBucket(b);
            }
        }
        return Percentile.ofBucket(BUCKETS - 1); // only with negative counts: report the last bucket
    }
}
