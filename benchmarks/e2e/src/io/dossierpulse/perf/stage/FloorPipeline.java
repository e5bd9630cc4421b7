package io.dossierpulse.perf.stage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Stage (b): the least a stateful exactly-once Kafka Streams application does per record. Bytes in
 * (no deserialisation), one put of the record into a RocksDB store per record, the store's
 * changelog on, no record cache (so every put reaches RocksDB and the changelog), no output topic.
 * Whatever the full pipeline costs above this is the price of its own work.
 */
public final class FloorPipeline {

    static final String STORE = "floor-store";

    private final LongAdder processed = new LongAdder();

    public Topology topology(String topic) {
        Topology t = new Topology();
        t.addSource("bytes-in", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(), topic);
        t.addProcessor("put", () -> new Put(processed), "bytes-in");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.Bytes(),
                Serdes.ByteArray()).withCachingDisabled().withLoggingEnabled(Map.of()), "put");
        return t;
    }

    public List<String> notes() {
        return List.of(String.format("processor saw %,d records (a replayed transaction counts twice)",
                processed.sum()));
    }

    private static final class Put implements Processor<byte[], byte[], Void, Void> {

        private final LongAdder processed;
        private KeyValueStore<Bytes, byte[]> store;

        Put(LongAdder processed) {
            this.processed = processed;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            store.put(Bytes.wrap(record.key()), record.value());
            processed.increment();
        }
    }
}
