package io.dossierpulse.streams;

import io.dossierpulse.domain.DossierEvent;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The only writer of the {@code held-events} store: events waiting for an earlier seq of their
 * dossier. Written only for events that arrive ahead of their turn; when none is held, applying an
 * event needs no look into the store.
 */
final class HeldEvents {

    /** Bounded work per hold-timeout punctuation, so a pile of expired holds never stalls processing. */
    private static final int MAX_RELEASES_PER_PUNCTUATION = 1_000;
    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, byte[]> store;
    private final int maxPerDossier;
    private long count;

    HeldEvents(KeyValueStore<String, byte[]> store, TopologySettings settings) {
        this.store = store;
        this.maxPerDossier = settings.maxHeldPerDossier();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                it.next();
                count++;
            }
        }
    }

    boolean any() {
        return count > 0;
    }

    /** What became of an event offered to be held. */
    enum Outcome {
        HELD,
        /** An event of that dossier and seq is held already: this one is a duplicate (the first one stays). */
        ALREADY_HELD,
        /** The dossier already has the most events held that it may. */
        FULL
    }

    Outcome hold(DossierEvent event, byte[] value, Origin origin, long nowMs) {
        String key = HeldEvent.key(event.dossierId(), event.seq());
        if (store.get(key) != null) {
            return Outcome.ALREADY_HELD;
        }
        int n = 0;
        try (KeyValueIterator<String, byte[]> it = store.prefixScan(HeldEvent.prefix(event.dossierId()), KEYS)) {
            while (it.hasNext() && n < maxPerDossier) {
                it.next();
                n++;
            }
        }
        if (n >= maxPerDossier) {
            return Outcome.FULL;
        }
        store.put(key, new HeldEvent(nowMs, origin, value).toBytes());
        count++;
        return Outcome.HELD;
    }

    /** Removes and returns the held event of this dossier and seq, or null. */
    HeldEvent take(String dossierId, long seq) {
        String key = HeldEvent.key(dossierId, seq);
        byte[] bytes = store.get(key);
        if (bytes == null) {
            return null;
        }
        store.put(key, null);
        count--;
        return HeldEvent.fromBytes(bytes);
    }

    /** Removes and returns the dossier's held event of the lowest seq, or null. */
    HeldEvent takeFirst(String dossierId) {
        String key;
        try (KeyValueIterator<String, byte[]> it = store.prefixScan(HeldEvent.prefix(dossierId), KEYS)) {
            key = it.hasNext() ? it.next().key : null;
        }
        return key == null ? null : take(dossierId, HeldEvent.seqOf(key));
    }

    /** Dossiers whose oldest held event was held at or before {@code heldBefore} (bounded per call). */
    Set<String> expired(long heldBefore) {
        Set<String> out = new LinkedHashSet<>();
        if (count == 0) {
            return out;
        }
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext() && out.size() < MAX_RELEASES_PER_PUNCTUATION) {
                var kv = it.next();
                if (HeldEvent.fromBytes(kv.value).heldAtMillis() <= heldBefore) {
                    out.add(HeldEvent.dossierOf(kv.key));
                }
            }
        }
        return out;
    }
}
