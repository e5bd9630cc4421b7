package io.dossierpulse.streams;

import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.contract.PortalSyncCodec;
import io.dossierpulse.contract.RejectReason;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.portal.PortalTrack;
import io.dossierpulse.domain.portal.PortalTranslation;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Second portal-sync step, on the partition of the item's dossier: turns the item into contract-v1
 * events with {@link PortalTranslation} against the dossier's {@link PortalTrack} and passes them
 * on to the event topic, in the same transaction as the track it keeps.
 */
final class PortalTranslator implements Processor<String, byte[], String, PortalRouted> {

    private final PortalSyncCodec codec;
    private final EventCodec events = new EventCodec();
    private final PipelineMetrics metrics;
    private final PortalSync.Letters letters;
    private ProcessorContext<String, PortalRouted> context;
    private PortalTracks tracks;

    PortalTranslator(PortalSyncCodec codec, PipelineMetrics metrics) {
        this.codec = codec;
        this.metrics = metrics;
        this.letters = new PortalSync.Letters(metrics);
    }

    @Override
    public void init(ProcessorContext<String, PortalRouted> ctx) {
        this.context = ctx;
        this.tracks = new PortalTracks(ctx.getStateStore(PortalTracks.STORE));
        letters.init(ctx);
    }

    @Override
    public void process(Record<String, byte[]> r) {
        for (PortalSyncCodec.Valid v : letters.validItems(codec, context, r)) {
            translate(r, v);
        }
    }

    private void translate(Record<String, byte[]> r, PortalSyncCodec.Valid v) {
        String dossierId = v.snapshot().dossierId();
        PortalTrack track;
        try {
            track = tracks.get(dossierId);
        } catch (SerializationException e) {
            metrics.stateUnreadable();
            letters.send(context, r, r.value(), RejectReason.STATE_UNREADABLE,
                    "the dossier's portal track cannot be read: " + e.getMessage());
            return;
        }
        PortalTranslation.Result result = PortalTranslation.translate(track, v.snapshot(),
                Instant.ofEpochMilli(r.timestamp()));
        metrics.portalSnapshot(result.outcome());
        switch (result.outcome()) {
            case APPLIED -> {
                tracks.put(dossierId, result.next());
                for (DossierEvent e : result.events()) {
                    context.forward(new Record<>(dossierId, PortalRouted.onward(events.encode(e)), r.timestamp(),
                            new RecordHeaders()));
                }
            }
            case UNKNOWN_DOSSIER -> letters.send(context, r, r.value(), RejectReason.UNKNOWN_DOSSIER,
                    "a " + PortalSyncCodec.PROGRESS + " item of a dossier that no " + PortalSyncCodec.FULL
                            + " item introduced");
            case UNCHANGED, STALE -> { }
        }
    }
}
