package io.dossierpulse.streams;

import io.dossierpulse.domain.dossier.DossierState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The only writer of the {@code dossiers} store, with a bounded cache of recently used states in
 * front of it: a dossier's events come days apart, but replays, held events and deadline firings
 * read the same dossiers again within seconds. Every put still goes to the store (the one logged
 * write per event); the cache only saves reads and their deserialisation.
 */
final class DossierStates {

    private final KeyValueStore<String, DossierState> store;
    private final PipelineMetrics metrics;
    private final Map<String, DossierState> recent;

    DossierStates(KeyValueStore<String, DossierState> store, int cacheSize, PipelineMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        this.recent = new LinkedHashMap<>(Math.min(cacheSize, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, DossierState> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /** Thrown for a stored state that cannot be read: the dossier is quarantined, its events dead-lettered. */
    static final class UnreadableState extends RuntimeException {
        UnreadableState(String dossierId, Throwable cause) {
            super("stored state of dossier " + dossierId + " cannot be read: " + cause.getMessage(), cause, false, false);
        }
    }

    DossierState get(String dossierId) {
        DossierState s = recent.get(dossierId);
        if (s != null) {
            metrics.stateCacheHit();
            return s;
        }
        metrics.stateCacheMiss();
        try {
            s = store.get(dossierId);
        } catch (SerializationException e) {
            metrics.stateUnreadable();
            throw new UnreadableState(dossierId, e);
        }
        if (s != null) {
            recent.put(dossierId, s);
        }
        return s;
    }

    void put(DossierState s) {
        store.put(s.dossierId(), s);
        recent.put(s.dossierId(), s);
    }

    /**
     * Every stored state, for the rebuild of a starting task (bypasses the cache). A state that cannot
     * be read is skipped (counted; its dossier's events are dead-lettered when they come): one bad
     * entry must not stop the task from starting. Returns how many were skipped.
     */
    long forEach(Consumer<DossierState> action) {
        long unreadable = 0;
        try (KeyValueIterator<String, DossierState> it = store.all()) {
            while (it.hasNext()) {
                DossierState s;
                try {
                    s = it.next().value; // the iterator has moved on before the value is decoded
                } catch (SerializationException e) {
                    unreadable++;
                    metrics.stateUnreadable();
                    continue;
                }
                action.accept(s);
            }
        }
        return unreadable;
    }

    void clearCache() {
        recent.clear();
    }
}
