package io.dossierpulse.streams;

/**
 * A task's sense of "now" for deadlines. While the partition replays history (its events far
 * behind the wall clock, or a backlog not read yet) deadlines pass as its event time passes them;
 * once it is caught up (the consumer has read everything, and its events are live or it has been
 * idle a moment) the wall clock drives them, so a breach is announced even when no event arrives.
 * Event time is the latest {@code occurredAt} applied, rebuilt from the stored states at start.
 */
final class TaskClock {

    /** {@link #eventSeen} found nothing new to scan for. */
    static final long NO_SCAN = Long.MIN_VALUE;

    private final InputLag inputLag;
    private final int partition;
    private final long liveLagSeconds;
    private final long idleToLiveMillis;
    private final long latenessSeconds;
    private long maxEventSecond = Long.MIN_VALUE;
    private long lastEventWallMs;

    TaskClock(TopologySettings settings, InputLag inputLag, int partition, long nowMs) {
        this.inputLag = inputLag;
        this.partition = partition;
        this.liveLagSeconds = settings.liveLag().toSeconds();
        this.idleToLiveMillis = settings.idleToLive().toMillis();
        this.latenessSeconds = settings.allowedLateness().toSeconds();
        // As if an event had just arrived: a restarted task replaying its backlog must not fire by wall clock.
        this.lastEventWallMs = nowMs;
    }

    /** A stored dossier's latest event time, while the task starts. */
    void restored(long eventSecond) {
        maxEventSecond = Math.max(maxEventSecond, eventSecond);
    }

    /** Whether an event of this time arrives behind the partition's event time (before {@link #eventSeen}). */
    boolean behind(long eventSecond) {
        return maxEventSecond != Long.MIN_VALUE && eventSecond < maxEventSecond - latenessSeconds;
    }

    /** Records an event; returns the horizon to scan up to when it moved event time forward, else {@link #NO_SCAN}. */
    long eventSeen(long eventSecond, long wallMs) {
        lastEventWallMs = wallMs;
        if (eventSecond <= maxEventSecond) {
            return NO_SCAN;
        }
        maxEventSecond = eventSecond;
        return Math.min(eventSecond, wallHorizon(wallMs)) - latenessSeconds;
    }

    /** Whether an event of this time is history being replayed: announcements are then dated at their deadline. */
    boolean replaying(long eventSecond, long wallMs) {
        return wallMs / 1000 - eventSecond > liveLagSeconds;
    }

    boolean live(long wallMs) {
        return inputLag.lag(partition) == 0 && (maxEventSecond != Long.MIN_VALUE && wallMs / 1000 - maxEventSecond <= liveLagSeconds
                || wallMs - lastEventWallMs >= idleToLiveMillis);
    }

    /** Deadlines strictly before this second have passed. */
    long horizon(long wallMs) {
        if (live(wallMs)) {
            return wallHorizon(wallMs) - latenessSeconds;
        }
        return maxEventSecond == Long.MIN_VALUE ? Long.MIN_VALUE : maxEventSecond - latenessSeconds;
    }

    /**
     * The wall clock as a horizon: deadlines are whole seconds and one has passed as soon as the
     * clock is past it, so a breach is announced within one scan interval, not at the next whole second.
     */
    static long wallHorizon(long wallMs) {
        return Math.floorDiv(wallMs + 999, 1000);
    }
}
