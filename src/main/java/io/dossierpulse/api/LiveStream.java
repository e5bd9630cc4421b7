package io.dossierpulse.api;

import io.dossierpulse.live.FeedRing;
import io.smallrye.mutiny.Multi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One subscriber's view of the live feed: a cursor into the shared {@link FeedRing}, read on a tick.
 * Nothing is buffered per subscriber (a tick the subscriber cannot take is dropped, the cursor stays),
 * so a slow reader costs no memory; one that falls more than the ring behind, or resumes with an id
 * the ring no longer has, gets a {@code reset} followed by the latest {@link #BACKLOG} events.
 */
final class LiveStream {

    /** What a subscriber is sent: an SSE event name, its id (SLA events only) and JSON data; no name: a comment. */
    record Message(String event, String id, String data) {
    }

    /** A pushed snapshot and its version: sent again only when the version changes. */
    record Snapshot(long version, String json) {
    }

    static final int BACKLOG = 100;
    static final int MAX_PER_TICK = 500;
    static final Duration TICK = Duration.ofMillis(250);
    /** Quiet this long, a comment is sent: proxies keep the connection, and a gone client is noticed. */
    static final long KEEPALIVE_TICKS = 15_000 / TICK.toMillis();

    private final FeedRing ring;
    private final Supplier<Snapshot> kpis;
    private long position;
    private boolean reset;
    private long kpiVersion = Long.MIN_VALUE;
    private long quietTicks;

    /**
     * @param lastEventId the id a reconnecting subscriber saw last, or null
     * @param backlog     whether a new subscriber (no id) first gets the latest events
     * @param kpis        the snapshot to push when it changes, or null for SLA events only
     */
    LiveStream(FeedRing ring, String lastEventId, boolean backlog, Supplier<Snapshot> kpis) {
        this.ring = ring;
        this.kpis = kpis;
        long known = ring.positionOf(lastEventId);
        if (known < 0) {
            reset = true;
            position = Math.max(0, ring.last() - BACKLOG);
        } else if (lastEventId == null && backlog) {
            position = Math.max(0, ring.last() - BACKLOG);
        } else {
            position = known;
        }
    }

    /** What is due to the subscriber now. */
    synchronized List<Message> poll() {
        List<Message> out = new ArrayList<>();
        FeedRing.Batch batch = ring.after(position, MAX_PER_TICK);
        if (batch.gap()) {
            reset = true;
            position = Math.max(0, ring.last() - BACKLOG);
            batch = ring.after(position, MAX_PER_TICK);
        }
        if (reset) {
            out.add(new Message("reset", null, "{\"backlog\":" + batch.entries().size() + "}"));
            reset = false;
        }
        for (FeedRing.Entry e : batch.entries()) {
            out.add(new Message("sla", ring.id(e.seq()), e.json()));
            position = e.seq();
        }
        if (kpis != null) {
            Snapshot s = kpis.get();
            if (s != null && s.version() != kpiVersion) {
                kpiVersion = s.version();
                out.add(new Message("kpis", null, s.json()));
            }
        }
        if (out.isEmpty() && ++quietTicks >= KEEPALIVE_TICKS) {
            out.add(new Message(null, null, "keep-alive"));
        }
        if (!out.isEmpty()) {
            quietTicks = 0;
        }
        return out;
    }

    /** The subscriber's stream: a poll per tick, ticks it cannot take dropped. */
    Multi<Message> multi() {
        return Multi.createFrom().ticks().every(TICK).onOverflow().drop()
                .onItem().transformToIterable(tick -> poll());
    }
}
