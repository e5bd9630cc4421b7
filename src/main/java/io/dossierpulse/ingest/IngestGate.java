package io.dossierpulse.ingest;

import io.dossierpulse.streams.PulseConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;

/**
 * What every HTTP write path shares: a bound on requests in flight (503 beyond it), one answer
 * deadline counted from the request's arrival, decoding and publishing off the event loop, and the
 * answer given only once Kafka acknowledged (or the deadline passed).
 */
@ApplicationScoped
public class IngestGate {

    private final EventPublisher publisher;
    private final Semaphore inFlight;
    private final Duration answerDeadline;
    private final String portalSyncTopic;

    IngestGate(EventPublisher publisher, PulseConfig config) {
        this.publisher = publisher;
        this.inFlight = new Semaphore(config.ingest().maxConcurrentRequests());
        this.answerDeadline = config.ingest().answerDeadline();
        this.portalSyncTopic = config.topics().portalSync();
    }

    /** A decoded request: the batch to publish, or the answer refusing it whole. */
    record Decoded(IngestBatch batch, Response refusal) {
    }

    IngestBatch batch(long deadlineNanos) {
        return new IngestBatch(deadlineNanos, answerDeadline.toMillis());
    }

    CompletableFuture<Void> publishEvent(String dossierId, byte[] event) {
        return publisher.publish(dossierId, event);
    }

    CompletableFuture<Void> publishPortalItem(String dossierId, byte[] item) {
        return publisher.publish(portalSyncTopic, dossierId, item);
    }

    /**
     * @param decode turns the request into a batch, given the answer deadline ({@link System#nanoTime()})
     * @param send   where the batch's records go
     */
    Uni<Response> submit(LongFunction<Decoded> decode, IngestBatch.Send send) {
        if (!inFlight.tryAcquire()) {
            return Uni.createFrom().item(Response.status(503).header("Retry-After", "1")
                    .entity(Map.of("error", "too many ingest requests in flight; retry shortly")).build());
        }
        long deadlineNanos = System.nanoTime() + answerDeadline.toNanos();
        Permit permit = new Permit(inFlight);
        // Decoding and handing records to the producer may block (metadata, a full buffer): not on the event loop.
        return Uni.createFrom().item(() -> decode.apply(deadlineNanos))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(decoded -> {
                    if (decoded.refusal() != null) {
                        return Uni.createFrom().item(decoded.refusal());
                    }
                    IngestBatch batch = decoded.batch();
                    // Publishing holds the permit, so requests stuck behind an absent broker stay bounded.
                    Infrastructure.getDefaultWorkerPool().execute(() -> {
                        try {
                            batch.publishAll(send);
                        } finally {
                            permit.release();
                        }
                    });
                    permit.handedOver();
                    return Uni.createFrom().completionStage(batch.answer()).map(a ->
                            // Nothing acknowledged although records were sent: the broker is away, say so.
                            a.accepted() == 0 && batch.hasEvents()
                                    ? Response.status(503).header("Retry-After", "1").entity(a).build()
                                    : Response.ok(a).build());
                })
                .eventually(permit::releaseUnlessHandedOver);
    }

    /** One in-flight slot, released exactly once: by the response, or by the publishing it was handed to. */
    private static final class Permit {
        private final Semaphore slots;
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile boolean handedOver;

        Permit(Semaphore slots) {
            this.slots = slots;
        }

        void handedOver() {
            handedOver = true;
        }

        void releaseUnlessHandedOver() {
            if (!handedOver) {
                release();
            }
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                slots.release();
            }
        }
    }
}
