package io.dossierpulse.domain.indicators;

/**
 * Buckets of processing time in working minutes, roughly doubling: fine where same-day procedures
 * live, coarse for month-long ones. Bucket i holds times in [UPPER[i-1], UPPER[i]).
 */
public final class ProcessingTime {

    /** Upper bounds (exclusive) in working minutes; the last bucket is open-ended. */
    static final long[] UPPER = {30, 60, 120, 240, 480, 960, 1_440, 2_400, 3_360, 4_800, 7_200, 9_600,
        14_400, 24_000, 48_000, Long.MAX_VALUE};

    private ProcessingTime() {
    }

    public static int bucket(long workingMinutes) {
        for (int i = 0; i < UPPER.length; i++) {
            if (workingMinutes < UPPER[i]) {
                return i;
            }
        }
        return UPPER.length - 1;
    }

    /** The upper bound of a bucket, in working minutes (Long.MAX_VALUE for the last). */
    public static long upperBound(int bucket) {
        return UPPER[bucket];
    }

    /** The lower bound of a bucket, in working minutes. */
    public static long lowerBound(int bucket) {
        return bucket == 0 ? 0 : UPPER[bucket - 1];
    }
}
