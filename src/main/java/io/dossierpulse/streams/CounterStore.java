package io.dossierpulse.streams;

import io.dossierpulse.domain.indicators.Tally;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * The {@code counters} store with its per-task batch: the stream thread adds an event's deltas to
 * the in-memory tallies of the keys it touches, and they are written to the changelogged store
 * once per key when Kafka Streams commits ({@link #flushCache} and {@link #commit} run before the
 * transaction's offsets are sent), so the counters always commit together with the dossier states
 * that caused them. Interactive queries read the store underneath: committed values.
 */
public final class CounterStore extends WrappedStateStore<KeyValueStore<String, Tally>, String, Tally>
        implements KeyValueStore<String, Tally> {

    /** Current tallies kept per task beyond those written at the next commit. */
    static final int HELD = 16_384;

    /** Tallies recently added to, current values: the only writer keeps them, so they need no re-read. */
    private final Map<String, Tally> current = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Tally> eldest) {
            // A dirty tally is never dropped before it is written (it is written at the next commit).
            return size() > HELD && !touched.contains(eldest.getKey());
        }
    };
    /** Keys added to since the last commit: written then. */
    private final Set<String> touched = new HashSet<>();

    private CounterStore(KeyValueStore<String, Tally> inner) {
        super(inner);
    }

    /**
     * The counter store behind what {@code ProcessorContext.getStateStore} returns (Kafka Streams
     * hands processors a decorator around the registered store).
     */
    static CounterStore of(StateStore store) {
        StateStore s = store;
        while (!(s instanceof CounterStore) && s instanceof WrappedStateStore<?, ?, ?> w) {
            s = w.wrapped();
        }
        if (s instanceof CounterStore c) {
            return c;
        }
        throw new IllegalStateException("not a counter store: " + store.getClass().getName());
    }

    /** Adds a delta to a key's tally; the store sees the sum at the next commit. */
    void add(String key, Tally delta) {
        Tally t = current.get(key);
        if (t == null) {
            Tally stored = wrapped().get(key);
            t = stored == null ? new Tally() : stored;
            current.put(key, t);
        }
        t.merge(delta);
        touched.add(key);
    }

    /** The sum of the current tallies (pending deltas included) of the keys starting with {@code prefix}. */
    Tally sumOf(String prefix, Serializer<String> keys) {
        Tally sum = new Tally();
        try (KeyValueIterator<String, Tally> it = wrapped().prefixScan(prefix, keys)) {
            while (it.hasNext()) {
                KeyValue<String, Tally> kv = it.next();
                if (!touched.contains(kv.key)) {
                    sum.merge(kv.value);
                }
            }
        }
        for (String k : touched) {
            if (k.startsWith(prefix)) {
                sum.merge(current.get(k));
            }
        }
        return sum;
    }

    private void writeTouched() {
        if (touched.isEmpty()) {
            return;
        }
        for (String k : touched) {
            wrapped().put(k, current.get(k));
        }
        touched.clear();
    }

    @Override
    public void flushCache() {
        writeTouched();
        super.flushCache();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        writeTouched();
        super.commit(changelogOffsets);
    }

    @Override
    public void init(org.apache.kafka.streams.processor.StateStoreContext context, StateStore root) {
        // A revived task re-initialises its stores: what memory held before is not to be trusted.
        touched.clear();
        current.clear();
        super.init(context, root);
    }

    @Override
    public void close() {
        // A dirty close (an aborted transaction) drops the batch with it: the task replays the events.
        touched.clear();
        current.clear();
        super.close();
    }

    // ------------------------------------------------------------ the store interface, delegated

    @Override
    public void put(String key, Tally value) {
        wrapped().put(key, value);
    }

    @Override
    public Tally putIfAbsent(String key, Tally value) {
        return wrapped().putIfAbsent(key, value);
    }

    @Override
    public void putAll(List<KeyValue<String, Tally>> entries) {
        wrapped().putAll(entries);
    }

    @Override
    public Tally delete(String key) {
        return wrapped().delete(key);
    }

    @Override
    public Tally get(String key) {
        return wrapped().get(key);
    }

    @Override
    public KeyValueIterator<String, Tally> range(String from, String to) {
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<String, Tally> reverseRange(String from, String to) {
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, Tally> all() {
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<String, Tally> reverseAll() {
        return wrapped().reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, Tally> prefixScan(P prefix, PS serializer) {
        return wrapped().prefixScan(prefix, serializer);
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }

    /** The builder Topology takes: the standard persistent, changelogged store, wrapped. */
    static StoreBuilder<CounterStore> builder(String name) {
        return new Builder(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                new TallySerde()));
    }

    private static final class Builder implements StoreBuilder<CounterStore> {
        private final StoreBuilder<KeyValueStore<String, Tally>> inner;

        Builder(StoreBuilder<KeyValueStore<String, Tally>> inner) {
            this.inner = inner;
        }

        @Override
        public StoreBuilder<CounterStore> withCachingEnabled() {
            inner.withCachingEnabled();
            return this;
        }

        @Override
        public StoreBuilder<CounterStore> withCachingDisabled() {
            inner.withCachingDisabled();
            return this;
        }

        @Override
        public StoreBuilder<CounterStore> withLoggingEnabled(Map<String, String> config) {
            inner.withLoggingEnabled(config);
            return this;
        }

        @Override
        public StoreBuilder<CounterStore> withLoggingDisabled() {
            inner.withLoggingDisabled();
            return this;
        }

        @Override
        public CounterStore build() {
            return new CounterStore(inner.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return inner.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return inner.loggingEnabled();
        }

        @Override
        public String name() {
            return inner.name();
        }
    }
}
