package io.dossierpulse.live;

import io.dossierpulse.domain.calendar.WorkingCalendar;
import io.dossierpulse.domain.sla.SlaEventType;
import java.time.Instant;
import java.time.LocalDate;

/**
 * SLA announcements counted per kind and local hour (Asia/Ho_Chi_Minh) of the deadline they
 * announce, for the last {@code keepHours} hours before the latest one seen: the at-risk and breach
 * trends. Bucketing by the deadline (not by when the announcement was read) makes a replayed
 * history land where it happened.
 */
public final class SlaTrend {

    private static final int KINDS = SlaEventType.values().length;
    private static final long OFFSET_SECONDS = WorkingCalendar.OFFSET.getTotalSeconds();

    private final int keepHours;
    private final long[] hourOf;
    private final long[][] counts;

    public SlaTrend(int keepHours) {
        this.keepHours = keepHours;
        this.hourOf = new long[keepHours];
        java.util.Arrays.fill(hourOf, Long.MIN_VALUE);
        this.counts = new long[keepHours][KINDS];
    }

    /** The local hour an instant falls in, as hours since 1970-01-01T00:00 local time. */
    public static long localHour(Instant at) {
        return Math.floorDiv(at.getEpochSecond() + OFFSET_SECONDS, 3600);
    }

    /** The local hour at which a local date starts. */
    public static long firstHourOf(LocalDate date) {
        return date.toEpochDay() * 24;
    }

    /**
     * Counts one announcement; those older than the kept window are ignored, and so are deadlines
     * after {@code now} (an announcement is made once its deadline passed: a later one is bad data,
     * and would move the window ahead and wipe hours still shown).
     */
    public synchronized void record(SlaEventType kind, Instant deadline, Instant now) {
        if (deadline.isAfter(now)) {
            return;
        }
        long hour = localHour(deadline);
        int slot = (int) Math.floorMod(hour, (long) keepHours);
        if (hourOf[slot] > hour && hourOf[slot] - hour >= keepHours) {
            return; // older than the window, whose newer hour owns this slot
        }
        if (hourOf[slot] != hour) {
            hourOf[slot] = hour;
            java.util.Arrays.fill(counts[slot], 0);
        }
        counts[slot][kind.ordinal()]++;
    }

    /** Announcements of a kind with a deadline in the given local hour (0 if not kept). */
    public synchronized long inHour(SlaEventType kind, long hour) {
        int slot = (int) Math.floorMod(hour, (long) keepHours);
        return hourOf[slot] == hour ? counts[slot][kind.ordinal()] : 0;
    }

    /** Announcements of a kind with a deadline on the given local date (the kept part of it). */
    public long onDate(SlaEventType kind, LocalDate date) {
        long first = firstHourOf(date);
        long sum = 0;
        for (long h = first; h < first + 24; h++) {
            sum += inHour(kind, h);
        }
        return sum;
    }
}
