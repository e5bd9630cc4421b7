package io.dossierpulse.streams;

import io.dossierpulse.contract.PortalSyncCodec;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * First portal-sync step: reads a body of {@code dossier.portal-sync} (any number of items, keyed any
 * way) and passes each valid item on as a one-item body keyed by its dossier, with nothing personal
 * left in it; an unreadable body or item becomes a dead letter that names the record and the item
 * but carries none of its bytes (they may hold personal data).
 */
final class PortalSplitter implements Processor<String, byte[], String, PortalRouted> {

    private final PortalSyncCodec codec;
    private final PortalSync.Letters letters;
    private ProcessorContext<String, PortalRouted> context;

    PortalSplitter(PortalSyncCodec codec, PipelineMetrics metrics) {
        this.codec = codec;
        this.letters = new PortalSync.Letters(metrics);
    }

    @Override
    public void init(ProcessorContext<String, PortalRouted> ctx) {
        this.context = ctx;
        letters.init(ctx);
    }

    @Override
    public void process(Record<String, byte[]> r) {
        try {
            split(r);
        } catch (RuntimeException e) {
            // Not the processing exception handler: it would dead-letter the raw record, personal data and all.
            letters.send(context, r, null, io.dossierpulse.contract.RejectReason.PROCESSING_ERROR,
                    "the body could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void split(Record<String, byte[]> r) {
        for (PortalSyncCodec.Valid v : letters.validItems(codec, context, r)) {
            context.forward(new Record<>(v.snapshot().dossierId(),
                    PortalRouted.onward(PortalSyncCodec.encode(v.snapshot())), r.timestamp(), new RecordHeaders()));
        }
    }
}
