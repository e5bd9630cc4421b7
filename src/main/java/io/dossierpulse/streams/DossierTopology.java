package io.dossierpulse.streams;

import io.dossierpulse.domain.dossier.DossierTracker;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The processing graph: events in, validated and applied to per-dossier state; rejects to the
 * dead-letter topic. Built by a plain method so that tests drive exactly what production runs.
 */
public final class DossierTopology {

    public static final String DOSSIER_STORE = "dossiers";
    public static final String HELD_STORE = "held-events";
    public static final String DEADLINE_STORE = "deadlines";
    public static final String COUNTER_STORE = "counters";
    public static final String OVERDUE_STORE = "overdue";
    static final String SLA_SINK = "sla-events";
    static final String SOURCE = "dossier-events";
    static final String INTAKE = "dossier-intake";
    static final String DLQ_SINK = "dead-letters";

    private DossierTopology() {
    }

    public static Topology build(TopologySettings settings, PipelineMetrics metrics, DossierTracker tracker,
            CounterPublisher publisher, InputLag inputLag) {
        Topology t = new Topology();
        t.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), settings.eventsTopic());
        t.addProcessor(INTAKE, () -> new DossierIntakeProcessor(settings, metrics, tracker, publisher, inputLag),
                SOURCE);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DOSSIER_STORE), Serdes.String(),
                new DossierStateSerde()), INTAKE);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HELD_STORE), Serdes.String(),
                Serdes.ByteArray()), INTAKE);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DEADLINE_STORE), Serdes.Bytes(),
                Serdes.ByteArray()), INTAKE);
        // Counters are written several times per event on a few hot keys: the record cache absorbs that.
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNTER_STORE), Serdes.String(),
                new TallySerde()).withCachingEnabled(), INTAKE);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OVERDUE_STORE), Serdes.String(),
                Serdes.String()), INTAKE);
        t.addSink(DLQ_SINK, settings.dlqTopic(), Serdes.String().serializer(), Serdes.ByteArray().serializer(), INTAKE);
        t.addSink(SLA_SINK, settings.slaTopic(), Serdes.String().serializer(), Serdes.ByteArray().serializer(), INTAKE);
        return t;
    }
}
