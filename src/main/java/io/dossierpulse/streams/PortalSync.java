package io.dossierpulse.streams;

import io.dossierpulse.contract.PortalSyncCodec;
import io.dossierpulse.contract.RejectReason;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;

/**
 * The national-portal sync input (docs/portal-sync.md): {@code dossier.portal-sync} bodies split into
 * items ({@link PortalSplitter}), the items moved to their dossier's partition, translated into
 * contract-v1 events ({@link PortalTranslator}) and produced to {@code dossier.events}, where they
 * are decided like any other event. Rejects go to the dead-letter topic.
 */
final class PortalSync {

    static final String SOURCE = "portal-sync";
    static final String REPARTITION = "portal-items";

    private PortalSync() {
    }

    static void addTo(StreamsBuilder b, TopologySettings settings, PipelineMetrics metrics, PortalSyncCodec codec) {
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PortalTracks.STORE),
                Serdes.String(), PortalTracks.serde()));
        KStream<String, PortalRouted> items = b.stream(settings.portalSyncTopic(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(SOURCE))
                .process(() -> new PortalSplitter(codec, metrics), Named.as("portal-splitter"));
        KStream<String, PortalRouted> events = route(items, settings, "portal-splitter")
                .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName(REPARTITION))
                .process(() -> new PortalTranslator(codec, metrics), Named.as("portal-translator"),
                        PortalTracks.STORE);
        route(events, settings, "portal-translator")
                .to(settings.eventsTopic(), Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("portal-events"));
    }

    /** Sends a step's dead letters to the dead-letter topic; returns the rest. */
    private static KStream<String, byte[]> route(KStream<String, PortalRouted> out, TopologySettings settings,
            String step) {
        out.filter((k, v) -> v.deadLetter(), Named.as(step + "-rejects"))
                .mapValues(PortalRouted::value, Named.as(step + "-reject-values"))
                .to(settings.dlqTopic(), Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName(step + "-dead-letters"));
        return out.filterNot((k, v) -> v.deadLetter(), Named.as(step + "-onward"))
                .mapValues(PortalRouted::value, Named.as(step + "-onward-values"));
    }

    /** Dead letters of the portal steps, on the dead-letter contract (DeadLetters). */
    static final class Letters {
        private final PipelineMetrics metrics;
        private int maxRequestBytes = DeadLetters.DEFAULT_MAX_REQUEST_BYTES;

        Letters(PipelineMetrics metrics) {
            this.metrics = metrics;
        }

        void init(ProcessorContext<?, ?> ctx) {
            maxRequestBytes = DeadLetters.maxRequestBytes(ctx.appConfigs());
        }

        /** The valid items of a body; the body or its invalid items dead-lettered, without their bytes. */
        java.util.List<PortalSyncCodec.Valid> validItems(PortalSyncCodec codec,
                ProcessorContext<String, PortalRouted> ctx, Record<String, byte[]> r) {
            PortalSyncCodec.Body body;
            try {
                body = codec.decode(r.value());
            } catch (PortalSyncCodec.BodyError e) {
                send(ctx, r, null, e.reason(), e.getMessage());
                return java.util.List.of();
            }
            java.util.List<PortalSyncCodec.Valid> valid = new java.util.ArrayList<>(body.items().size());
            for (PortalSyncCodec.Item item : body.items()) {
                if (item instanceof PortalSyncCodec.Valid v) {
                    valid.add(v);
                } else {
                    PortalSyncCodec.Invalid bad = (PortalSyncCodec.Invalid) item;
                    send(ctx, r, null, bad.reason(), "item " + bad.number() + ": " + bad.message());
                }
            }
            return valid;
        }

        /**
         * @param value what to keep of the input: only bytes this service wrote (a sanitized item), or
         *              null where the input may hold personal data
         */
        void send(ProcessorContext<String, PortalRouted> ctx, Record<String, byte[]> r, byte[] value,
                RejectReason reason, String message) {
            metrics.rejected(reason);
            var md = ctx.recordMetadata().orElse(null);
            String key = r.key();
            DeadLetters.Letter letter = DeadLetters.letter(key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                    value, null, reason, message, md == null ? "" : md.topic(), md == null ? -1 : md.partition(),
                    md == null ? -1 : md.offset(), ctx.currentSystemTimeMs(), maxRequestBytes);
            String letterKey = letter.key() == null ? null : new String(letter.key(), StandardCharsets.UTF_8);
            ctx.forward(new Record<>(letterKey, PortalRouted.rejected(letter.value()), r.timestamp(),
                    letter.headers()));
        }
    }
}
