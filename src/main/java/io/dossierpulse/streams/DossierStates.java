package io.dossierpulse.streams;

import io.dossierpulse.domain.dossier.DossierState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
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

    DossierState get(String dossierId) {
        DossierState s = recent.get(dossierId);
        if (s != null) {
            metrics.stateCacheHit();
            return s;
        }
        metrics.stateCacheMiss();
        s = store.get(dossierId);
        if (s != null) {
            recent.put(dossierId, s);
        }
        return s;
    }

    void put(DossierState s) {
        store.put(s.dossierId(), s);
        recent.put(s.dossierId(), s);
    }

    /** Every stored state, for the rebuild of a starting task (bypasses the cache). */
    void forEach(Consumer<DossierState> action) {
        try (KeyValueIterator<String, DossierState> it = store.all()) {
            while (it.hasNext()) {
                action.accept(it.next().value);
            }
        }
    }

    void clearCache() {
        recent.clear();
    }
}
