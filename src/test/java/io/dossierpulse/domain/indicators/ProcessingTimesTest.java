package io.dossierpulse.domain.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.indicators.ProcessingTimes.Percentile;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessingTimesTest {

    /** A tally whose histogram has the given count in each given bucket: pairs (bucket, count). */
    private static Tally histogram(long... bucketCountPairs) {
        Tally t = new Tally();
        for (int i = 0; i < bucketCountPairs.length; i += 2) {
            t.add(Measure.processingTimeBucket((int) bucketCountPairs[i]), bucketCountPairs[i + 1]);
        }
        return t;
    }

    private static Percentile bucket(long from, Long below) {
        return new Percentile(from, below);
    }

    @Test
    void noResolvedDossierNoPercentiles() {
        ProcessingTimes pt = ProcessingTimes.of(new Tally());
        assertEquals(0, pt.resolved());
        assertNull(pt.p50());
        assertNull(pt.p90());
        assertNull(pt.p99());
        assertNull(ProcessingTimes.percentile(new Tally(), 500));
    }

    @Test
    void onlyTheHistogramCountsNotTheResolvedMeasures() {
        Tally t = new Tally().add(Measure.RESOLVED_ON_TIME, 5).add(Measure.OPEN_ON_TIME, 2);
        assertEquals(new ProcessingTimes(0, null, null, null), ProcessingTimes.of(t));
    }

    @Test
    void singleBucketGivesThatBucketForEveryPercentile() {
        ProcessingTimes pt = ProcessingTimes.of(histogram(4, 7));
        assertEquals(7, pt.resolved());
        assertEquals(bucket(240, 480L), pt.p50());
        assertEquals(bucket(240, 480L), pt.p90());
        assertEquals(bucket(240, 480L), pt.p99());
    }

    @Test
    void singleDossierInTheFirstBucket() {
        ProcessingTimes pt = ProcessingTimes.of(histogram(0, 1));
        assertEquals(new ProcessingTimes(1, bucket(0, 30L), bucket(0, 30L), bucket(0, 30L)), pt);
    }

    @Test
    void spreadHistogram() {
        // 100 dossiers: 50 under 30 min, 40 in [120, 240), 9 in [2400, 3360), 1 of 48,000 or more
        ProcessingTimes pt = ProcessingTimes.of(histogram(0, 50, 3, 40, 8, 9, 15, 1));
        assertEquals(100, pt.resolved());
        assertEquals(bucket(0, 30L), pt.p50());          // rank 50: the 50th is the last in bucket 0
        assertEquals(bucket(120, 240L), pt.p90());       // rank 90: the last of bucket 3
        assertEquals(bucket(2_400, 3_360L), pt.p99());   // rank 99: the last of bucket 8
        assertEquals(bucket(48_000, null), ProcessingTimes.percentile(histogram(0, 50, 3, 40, 8, 9, 15, 1), 1000));
    }

    @Test
    void p99InTheOpenEndedLastBucket() {
        ProcessingTimes pt = ProcessingTimes.of(histogram(2, 98, 15, 2));
        assertEquals(bucket(60, 120L), pt.p50());
        assertEquals(bucket(60, 120L), pt.p90());
        assertEquals(bucket(48_000, null), pt.p99());
    }

    @Test
    void rankIsCeilingOfTheShare() {
        // n = 3: p50 rank ceil(1.5) = 2, p90 rank ceil(2.7) = 3, p99 rank ceil(2.97) = 3
        ProcessingTimes pt = ProcessingTimes.of(histogram(0, 1, 1, 1, 2, 1));
        assertEquals(bucket(30, 60L), pt.p50());
        assertEquals(bucket(60, 120L), pt.p90());
        assertEquals(bucket(60, 120L), pt.p99());
        // n = 10, five and five: p50 rank 5 is the last of the first half
        ProcessingTimes halves = ProcessingTimes.of(histogram(1, 5, 5, 5));
        assertEquals(bucket(30, 60L), halves.p50());
        assertEquals(bucket(480, 960L), halves.p90());
    }

    @Test
    void exactBoundaryRankStaysInTheLowerBucket() {
        // n = 1000: p90 rank is exactly 900
        assertEquals(bucket(0, 30L), ProcessingTimes.of(histogram(0, 900, 1, 100)).p90());
        assertEquals(bucket(30, 60L), ProcessingTimes.of(histogram(0, 899, 1, 101)).p90());
        // n = 100: p99 rank exactly 99
        assertEquals(bucket(9_600, 14_400L), ProcessingTimes.of(histogram(12, 99, 14, 1)).p99());
        assertEquals(bucket(24_000, 48_000L), ProcessingTimes.of(histogram(12, 98, 14, 2)).p99());
    }

    /** The worked example of docs/indicators.md. */
    @Test
    void workedExample() {
        ProcessingTimes pt = ProcessingTimes.of(histogram(0, 200, 4, 260, 5, 180, 9, 230, 11, 41, 13, 9));
        assertEquals(920, pt.resolved());
        assertEquals(bucket(240, 480L), pt.p50());       // rank 460 = cumulative at bucket 4
        assertEquals(bucket(3_360, 4_800L), pt.p90());   // rank 828, cumulative 640 -> 870
        assertEquals(bucket(7_200, 9_600L), pt.p99());   // rank 911 = cumulative at bucket 11
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001})
    void perMilleOutOfRangeIsRefused(int perMille) {
        assertThrows(IllegalArgumentException.class, () -> ProcessingTimes.percentile(histogram(0, 1), perMille));
    }

    @Test
    void seededRandomSamplesFallInTheReportedBucket() {
        long seed = 20220623L;
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] perMilles = {1, 250, 500, 900, 990, 1000};
        for (int c = 0; c < 2_000; c++) {
            int n = 1 + rnd.nextInt(300);
            long[] minutes = new long[n];
            Tally t = new Tally();
            for (int k = 0; k < n; k++) {
                // log-uniform-ish up to about 60,000 working minutes, to reach every bucket
                minutes[k] = (long) Math.floor(Math.exp(rnd.nextDouble() * Math.log(60_000)));
                t.add(Measure.processingTimeBucket(ProcessingTime.bucket(minutes[k])), 1);
            }
            Arrays.sort(minutes);
            long previousFrom = -1;
            for (int pm : perMilles) {
                String ctx = "seed " + seed + " case " + c + " n " + n + " per mille " + pm;
                long exact = minutes[(int) Math.max(1, ((long) n * pm + 999) / 1000) - 1];
                Percentile p = ProcessingTimes.percentile(t, pm);
                assertTrue(p.from() <= exact, ctx);
                assertTrue(p.below() == null || exact < p.below(), ctx);
                assertTrue(p.from() >= previousFrom, ctx + ": percentiles must not decrease");
                previousFrom = p.from();
            }
            assertEquals(n, ProcessingTimes.of(t).resolved());
        }
    }

    /** Measures appended after PT_15 are not buckets (a defect the browser test found: an index past the 16 bounds). */
    @Test
    void onlyTheSixteenBucketsAreTheHistogram() {
        Tally t = new Tally().add(Measure.processingTimeBucket(3), 1);
        for (int m = Measure.PT_15.ordinal() + 1; m < Measure.COUNT; m++) {
            t.add(Measure.of(m), 5);
        }
        ProcessingTimes p = ProcessingTimes.of(t);
        assertEquals(1, p.resolved());
        assertEquals(ProcessingTimes.Percentile.ofBucket(3), p.p99());
    }
}
