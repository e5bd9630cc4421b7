package io.dossierpulse.streams;

import io.dossierpulse.domain.dossier.DossierLedger;
import org.apache.kafka.common.serialization.Serdes;
import io.dossierpulse.contract.PortalSyncCodec;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The processing graph: events in, validated and applied to per-dossier state; rejects to the
 * dead-letter topic, announcements to the SLA-event topic. National-portal sync snapshots are turned
 * into events first ({@link PortalSync}). Built by a plain method so that tests and
 * the benchmark harness drive exactly what production runs.
 */
public final class DossierTopology {

    public static final String DOSSIER_STORE = "dossiers";
    public static final String HELD_STORE = "held-events";
    public static final String COUNTER_STORE = "counters";
    public static final String OVERDUE_STORE = "overdue";
    static final String SLA_SINK = "sla-events";
    static final String SOURCE = "dossier-events";
    static final String PROCESSOR = "dossier-processor";
    static final String DLQ_SINK = "dead-letters";
    static final String PORTAL_OUT_SINK = "portal-out";

    private DossierTopology() {
    }

    public static Topology build(TopologySettings settings, PipelineMetrics metrics, DossierLedger ledger,
            CounterPublisher publisher, InputLag inputLag) {
        StreamsBuilder b = new StreamsBuilder();
        if (settings.portalSync()) {
            PortalSync.addTo(b, settings, metrics, new PortalSyncCodec(PortalSyncCodec.agencyCodes(ledger.agencies()),
                    PortalSyncCodec.MAX_ITEMS));
        }
        Topology t = b.build();
        t.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), settings.eventsTopic());
        t.addProcessor(PROCESSOR, () -> new DossierProcessor(settings, metrics, ledger, publisher, inputLag), SOURCE);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DOSSIER_STORE), Serdes.String(),
                new DossierStateSerde()), PROCESSOR);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HELD_STORE), Serdes.String(),
                Serdes.ByteArray()), PROCESSOR);
        // Batched in memory and written once per key per commit (CounterStore): no record cache needed.
        t.addStateStore(CounterStore.builder(COUNTER_STORE), PROCESSOR);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OVERDUE_STORE), Serdes.String(),
                Serdes.String()), PROCESSOR);
        t.addSink(DLQ_SINK, settings.dlqTopic(), Serdes.String().serializer(), Serdes.ByteArray().serializer(),
                PROCESSOR);
        t.addSink(SLA_SINK, settings.slaTopic(), Serdes.String().serializer(), Serdes.ByteArray().serializer(),
                PROCESSOR);
        if (settings.portalOut()) {
            t.addSink(PORTAL_OUT_SINK, settings.portalOutTopic(), Serdes.String().serializer(),
                    Serdes.ByteArray().serializer(), PROCESSOR);
        }
        return t;
    }
}
