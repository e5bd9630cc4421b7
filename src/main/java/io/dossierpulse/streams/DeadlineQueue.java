package io.dossierpulse.streams;

import io.dossierpulse.domain.dossier.Deadline;
import java.util.Arrays;

/**
 * A min-heap of pending deadlines in parallel primitive arrays: order (the deadline's epoch second,
 * or a wall-clock millisecond for dossiers still settling), deadline second, kind and dossier id.
 * Nothing is removed when a dossier moves on: an entry is checked against the dossier's state when
 * it comes out, and dropped if stale. Adding and taking allocate nothing once the arrays have grown.
 */
final class DeadlineQueue {

    private static final Deadline[] KINDS = Deadline.values();

    private long[] order = new long[1024];
    private long[] seconds = new long[1024];
    private byte[] kinds = new byte[1024];
    private String[] ids = new String[1024];
    private int size;

    private long takenSecond;
    private Deadline takenKind;
    private String takenId;

    int size() {
        return size;
    }

    /** The smallest order, or Long.MAX_VALUE when empty. */
    long peek() {
        return size == 0 ? Long.MAX_VALUE : order[0];
    }

    void add(long orderKey, long second, Deadline kind, String dossierId) {
        if (size == order.length) {
            int n = size * 2;
            order = Arrays.copyOf(order, n);
            seconds = Arrays.copyOf(seconds, n);
            kinds = Arrays.copyOf(kinds, n);
            ids = Arrays.copyOf(ids, n);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (order[parent] <= orderKey) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, orderKey, second, (byte) kind.ordinal(), dossierId);
    }

    /** Removes the first entry; read it with {@link #takenSecond()}, {@link #takenKind()}, {@link #takenId()}. */
    void take() {
        takenSecond = seconds[0];
        takenKind = KINDS[kinds[0]];
        takenId = ids[0];
        int last = --size;
        long o = order[last];
        long s = seconds[last];
        byte k = kinds[last];
        String id = ids[last];
        ids[last] = null;
        if (last == 0) {
            return;
        }
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && order[child + 1] < order[child]) {
                child++;
            }
            if (order[child] >= o) {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, o, s, k, id);
    }

    long takenSecond() {
        return takenSecond;
    }

    Deadline takenKind() {
        return takenKind;
    }

    String takenId() {
        return takenId;
    }

    private void move(int from, int to) {
        order[to] = order[from];
        seconds[to] = seconds[from];
        kinds[to] = kinds[from];
        ids[to] = ids[from];
    }

    private void set(int i, long o, long s, byte k, String id) {
        order[i] = o;
        seconds[i] = s;
        kinds[i] = k;
        ids[i] = id;
    }
}
