package io.dossierpulse.perf.stage;

import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.lifecycle.DossierLifecycle;
import io.dossierpulse.domain.lifecycle.Transition;
import java.io.IOException;
import java.time.DateTimeException;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage (d), the peer: the same job written the way the Kafka Streams documentation teaches it, to
 * show what the service's hand-built topology buys. DSL only: events decoded from JSON with Jackson,
 * a {@code groupByKey().aggregate(...)} of a dossier state kept as JSON, the lifecycle's legality
 * from {@link DossierLifecycle}, and counters as a {@code groupBy(...).count()} through a repartition
 * topic. Not tuned: Kafka Streams' defaults and the same settings as the other stages.
 *
 * <p>What it leaves out, so its rate is an upper bound for a DSL version of the service: no SLA
 * deadlines or announcements (they need wall-clock punctuation), no holding of out-of-order events,
 * no dead-letter topic (refused events are counted), no open-stock or processing-time measures.
 */
public final class PeerPipeline {

    static final String DOSSIER_STORE = "peer-dossiers";
    static final String COUNTER_STORE = "peer-counters";

    // Counted where the records are processed: a replayed transaction counts twice, as in the floor.
    private final LongAdder applied = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder malformed = new LongAdder();

    public Topology topology(String eventsTopic) {
        Serde<PeerEvent> eventSerde = JsonSerde.of(PeerEvent.class);
        Serde<PeerDossier> dossierSerde = JsonSerde.of(PeerDossier.class);
        StreamsBuilder builder = new StreamsBuilder();
        // The producers key every event by its dossierId (contract v1), so no re-keying is needed.
        KStream<String, PeerEvent> events = builder
                .stream(eventsTopic, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .mapValues(this::decode)
                .filter((dossierId, e) -> e != null);
        KTable<String, PeerDossier> dossiers = events
                .groupByKey(Grouped.with(Serdes.String(), eventSerde))
                .aggregate(() -> PeerDossier.NONE, this::apply,
                        Materialized.<String, PeerDossier, KeyValueStore<Bytes, byte[]>>as(DOSSIER_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(dossierSerde)
                                // Every event's outcome must reach the counters: the record cache would fold
                                // several events of one dossier between two commits into one update.
                                .withCachingDisabled());
        dossiers.toStream()
                .filter((dossierId, d) -> d.counted() != null)
                .groupBy((dossierId, d) -> d.counted(), Grouped.with("counter-keys", Serdes.String(), dossierSerde))
                .count(Materialized.as(COUNTER_STORE));
        return builder.build();
    }

    public List<String> notes() {
        return List.of(String.format("peer: applied %,d events, refused %,d (illegal transition or missing field),"
                + " duplicates %,d, malformed %,d (a replayed transaction counts twice)", applied.sum(), refused.sum(),
                duplicates.sum(), malformed.sum()));
    }

    /** The event, or null when it is not JSON, lacks what the peer needs, or sits under another key. */
    private PeerEvent decode(String dossierId, byte[] json) {
        try {
            PeerEvent e = JsonSerde.MAPPER.readValue(json, PeerEvent.class);
            if (e.dossierId() != null && e.dossierId().equals(dossierId) && e.occurredAt() != null
                    && EventType.parse(e.type()) != null) {
                return e;
            }
        } catch (IOException e) {
            // counted below
        }
        malformed.increment();
        return null;
    }

    private PeerDossier apply(String dossierId, PeerEvent e, PeerDossier d) {
        if (e.seq() <= d.seq()) {
            duplicates.increment();
            return d.unchanged(e.seq());
        }
        EventType type = EventType.parse(e.type());
        String required = DossierLifecycle.requiredField(type);
        Transition t = DossierLifecycle.apply(d.status(), type);
        if (!t.isLegal() || required != null && !e.has(required)) {
            refused.increment();
            return d.unchanged(e.seq());
        }
        try {
            PeerDossier next = d.next(e, type, t.status());
            applied.increment();
            return next;
        } catch (DateTimeException bad) {
            // An unreadable occurredAt or dueAt: dropped like any malformed event, not fatal to the stage.
            malformed.increment();
            return d.unchanged(e.seq());
        }
    }
}
