package io.dossierpulse.live;

/**
 * Received and resolved dossiers per local hour, as this instance saw the day's counters grow: each
 * sample of the day's totals adds what grew since the previous sample to the hour it was taken in.
 * The first sample of a run is the baseline (what came before it is not placed in any hour); on a
 * new day the totals start from zero.
 */
public final class HourlyDeltas {

    private final int keepHours;
    private final long[] hourOf;
    private final long[][] counts;
    private long day = Long.MIN_VALUE;
    private long received;
    private long resolved;

    public HourlyDeltas(int keepHours) {
        this.keepHours = keepHours;
        this.hourOf = new long[keepHours];
        java.util.Arrays.fill(hourOf, Long.MIN_VALUE);
        this.counts = new long[keepHours][2];
    }

    /**
     * A sample: the city's totals of local date {@code epochDay}, taken in local hour {@code hour}.
     * Totals never shrink in a day; a smaller one (a view rebuilt) is a new baseline.
     */
    public synchronized void sample(long hour, long epochDay, long receivedToday, long resolvedToday) {
        if (epochDay != day) {
            boolean firstSample = day == Long.MIN_VALUE;
            day = epochDay;
            received = firstSample ? receivedToday : 0;
            resolved = firstSample ? resolvedToday : 0;
        }
        long dr = receivedToday - received;
        long ds = resolvedToday - resolved;
        received = receivedToday;
        resolved = resolvedToday;
        if (dr < 0 || ds < 0) {
            return;
        }
        int slot = (int) Math.floorMod(hour, (long) keepHours);
        if (hourOf[slot] != hour) {
            hourOf[slot] = hour;
            counts[slot][0] = 0;
            counts[slot][1] = 0;
        }
        counts[slot][0] += dr;
        counts[slot][1] += ds;
    }

    public synchronized long received(long hour) {
        int slot = (int) Math.floorMod(hour, (long) keepHours);
        return hourOf[slot] == hour ? counts[slot][0] : 0;
    }

    public synchronized long resolved(long hour) {
        int slot = (int) Math.floorMod(hour, (long) keepHours);
        return hourOf[slot] == hour ? counts[slot][1] : 0;
    }
}
