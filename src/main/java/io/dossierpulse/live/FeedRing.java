package io.dossierpulse.live;

import java.util.ArrayList;
import java.util.List;

/**
 * The latest events of a live feed, numbered in arrival order, in a ring of fixed capacity: the one
 * buffer every subscriber reads from. A subscriber keeps the number of the last event it got and
 * asks for those after it, so a slow subscriber costs no memory of its own, and one that reconnects
 * with its last id resumes without loss while that id is still in the ring. When it is not (the
 * subscriber fell more than the capacity behind, or the id comes from another instance or an
 * earlier run), {@link Batch#gap()} says so and the subscriber reloads.
 */
public final class FeedRing {

    /** One event: its number in this ring's run and its JSON. */
    public record Entry(long seq, String json) {
    }

    /** Events after a subscriber's position; {@code gap} when some between were overwritten. */
    public record Batch(List<Entry> entries, boolean gap) {
    }

    private final Entry[] slots;
    private final String run;
    private long next = 1; // the number the next event gets; numbers start at 1, 0 means "nothing yet"

    public FeedRing(int capacity, String run) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.slots = new Entry[capacity];
        this.run = run;
    }

    /** Adds an event and returns its number. */
    public synchronized long append(String json) {
        long seq = next++;
        slots[(int) (seq % slots.length)] = new Entry(seq, json);
        return seq;
    }

    /** The number of the latest event, 0 when none arrived yet. */
    public synchronized long last() {
        return next - 1;
    }

    /** At most {@code max} events after {@code seq}, oldest first. */
    public synchronized Batch after(long seq, int max) {
        long oldest = Math.max(1, next - slots.length);
        boolean gap = seq + 1 < oldest;
        long from = Math.max(seq + 1, oldest);
        List<Entry> out = new ArrayList<>((int) Math.min(max, Math.max(0, next - from)));
        for (long s = from; s < next && out.size() < max; s++) {
            out.add(slots[(int) (s % slots.length)]);
        }
        return new Batch(out, gap);
    }

    /** The latest {@code n} events, newest first. */
    public synchronized List<String> latest(int n) {
        List<String> out = new ArrayList<>(n);
        long oldest = Math.max(1, next - slots.length);
        for (long s = next - 1; s >= oldest && out.size() < n; s--) {
            out.add(slots[(int) (s % slots.length)].json());
        }
        return out;
    }

    /** The event id a subscriber sees: this run's mark and the number. */
    public String id(long seq) {
        return run + "-" + seq;
    }

    /**
     * The position an event id stands for in this ring: its number when the id is of this run, else
     * -1 (the subscriber must reload). A missing id means "from now".
     */
    public long positionOf(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return last();
        }
        int dash = lastEventId.lastIndexOf('-');
        if (dash <= 0 || !lastEventId.substring(0, dash).equals(run)) {
            return -1;
        }
        try {
            long seq = Long.parseLong(lastEventId.substring(dash + 1));
            return seq >= 0 && seq <= last() ? seq : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
