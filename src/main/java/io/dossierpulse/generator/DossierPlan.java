package io.dossierpulse.generator;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import java.time.Instant;
import java.util.Arrays;

/**
 * The whole planned lifecycle of one open dossier, kept compact (parallel primitive arrays, shared
 * strings) because a city has some hundred thousand dossiers open at once. Events are materialised
 * one at a time, when the generator emits them.
 */
final class DossierPlan {

    private static final EventType[] TYPES = EventType.values();
    private static final byte UNKNOWN = 0;
    private static final byte NO = 1;
    private static final byte YES = 2;

    final long ordinal;
    private final String dossierId;
    private final String procedureCode;
    private final Channel channel;
    private final Boolean feeRequired;
    private final Boolean digitized;
    private final byte[] types;
    private final long[] times;
    private final String[] agencies;
    /** toAgencyCode of a TRANSFERRED event, the reason text of the others (or null). */
    private final String[] texts;
    /** dueAt, or newDueAt for APOLOGY_ISSUED; 0 for none. */
    private final long[] dues;
    private final byte[] paidOnline;
    private int next;

    private DossierPlan(Builder b, String dossierId) {
        this.ordinal = b.ordinal;
        this.dossierId = dossierId;
        this.procedureCode = b.procedureCode;
        this.channel = b.channel;
        this.feeRequired = b.feeRequired;
        this.digitized = b.digitized;
        this.types = Arrays.copyOf(b.types, b.size);
        this.times = Arrays.copyOf(b.times, b.size);
        this.agencies = Arrays.copyOf(b.agencies, b.size);
        this.texts = Arrays.copyOf(b.texts, b.size);
        this.dues = Arrays.copyOf(b.dues, b.size);
        this.paidOnline = Arrays.copyOf(b.paidOnline, b.size);
    }

    boolean hasNext() {
        return next < types.length;
    }

    /** Epoch ms of the next event to emit. */
    long nextAt() {
        return times[next];
    }

    int size() {
        return types.length;
    }

    String dossierId() {
        return dossierId;
    }

    /** Builds the next event and moves past it. */
    DossierEvent emit() {
        int i = next++;
        EventType type = TYPES[types[i]];
        long seq = i + 1L;
        boolean opening = type == EventType.SUBMITTED || type == EventType.ACCEPTED;
        Instant due = dues[i] == 0 ? null : Instant.ofEpochMilli(dues[i]);
        return new DossierEvent(
                dossierId + '-' + seq,
                dossierId,
                seq,
                type,
                Instant.ofEpochMilli(times[i]),
                agencies[i],
                procedureCode,
                opening ? channel : null,
                type == EventType.APOLOGY_ISSUED ? null : due,
                type == EventType.TRANSFERRED ? texts[i] : null,
                type == EventType.APOLOGY_ISSUED ? due : null,
                opening || type == EventType.FEE_REQUESTED ? feeRequired : null,
                paidOnline[i] == UNKNOWN ? null : paidOnline[i] == YES,
                opening ? digitized : null,
                type == EventType.TRANSFERRED ? null : texts[i]);
    }

    /**
     * Collects one dossier's events in order; reused across dossiers so that planning allocates
     * only the final, exact-size arrays. Times are forced strictly increasing (by at least a
     * second) so that a dossier's seq order and time order agree.
     */
    static final class Builder {
        private static final long MIN_GAP = 1_000;

        long ordinal;
        String procedureCode;
        Channel channel;
        Boolean feeRequired;
        Boolean digitized;
        private byte[] types = new byte[16];
        private long[] times = new long[16];
        private String[] agencies = new String[16];
        private String[] texts = new String[16];
        private long[] dues = new long[16];
        private byte[] paidOnline = new byte[16];
        private int size;

        void begin(long ordinal, String procedureCode, Channel channel, Boolean feeRequired, Boolean digitized) {
            this.ordinal = ordinal;
            this.procedureCode = procedureCode;
            this.channel = channel;
            this.feeRequired = feeRequired;
            this.digitized = digitized;
            Arrays.fill(texts, 0, size, null);
            Arrays.fill(agencies, 0, size, null);
            size = 0;
        }

        /** The time the next event would really get: t, or just after the previous event. */
        long at(long t) {
            return size == 0 ? t : Math.max(t, times[size - 1] + MIN_GAP);
        }

        long lastTime() {
            return times[size - 1];
        }

        /** Appends an event and returns its (possibly nudged) time. */
        long add(EventType type, long t, String agencyCode, String text, long due, Boolean paid) {
            if (size == types.length) {
                grow();
            }
            long when = at(t);
            types[size] = (byte) type.ordinal();
            times[size] = when;
            agencies[size] = agencyCode;
            texts[size] = text;
            dues[size] = due;
            paidOnline[size] = paid == null ? UNKNOWN : paid ? YES : NO;
            size++;
            return when;
        }

        DossierPlan build(String dossierId) {
            return new DossierPlan(this, dossierId);
        }

        private void grow() {
            int n = types.length * 2;
            types = Arrays.copyOf(types, n);
            times = Arrays.copyOf(times, n);
            agencies = Arrays.copyOf(agencies, n);
            texts = Arrays.copyOf(texts, n);
            dues = Arrays.copyOf(dues, n);
            paidOnline = Arrays.copyOf(paidOnline, n);
        }
    }
}
