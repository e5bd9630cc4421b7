package io.dossierpulse.ingest;

import io.dossierpulse.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.contract.ParseResult;
import io.dossierpulse.streams.PulseConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * HTTP ingest for systems that cannot produce to Kafka. Each event is validated against contract
 * v1; valid ones are produced to {@code dossier.events} and the answer is sent only once the broker
 * has acknowledged them all. Lifecycle checks (order, legality) happen downstream: an event refused
 * there lands in the dead-letter topic.
 */
@RolesAllowed({Roles.INGEST, Roles.ADMIN})
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = io.dossierpulse.api.OpenApiTags.INGEST)
@Path("/api/events")
public class IngestResource {

    public static final String NDJSON = "application/x-ndjson";

    private final EventPublisher publisher;
    private final EventCodec codec;
    private final Semaphore inFlight;
    private final int maxEvents;
    private final java.time.Duration answerDeadline;

    IngestResource(EventPublisher publisher, PulseConfig config) {
        int maxConcurrent = config.ingest().maxConcurrentRequests();
        this.publisher = publisher;
        this.maxEvents = config.ingest().maxEventsPerRequest();
        this.answerDeadline = config.ingest().answerDeadline();
        this.codec = new EventCodec(config.intake().maxEventBytes());
        this.inFlight = new Semaphore(maxConcurrent);
    }

    @POST
    @Consumes(NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest events, one JSON object per line")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = IngestAnswer.class, responseDescription = "accepted and refused lines, once Kafka acknowledged")
    public Uni<Response> ingestLines(byte[] body) {
        return ingest(() -> BatchSplitter.lines(body, maxEvents), body);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest events given as a JSON array")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = IngestAnswer.class, responseDescription = "accepted and refused elements, once Kafka acknowledged")
    public Uni<Response> ingestArray(byte[] body) {
        return ingest(() -> BatchSplitter.arrayElements(body, maxEvents), body);
    }

    private interface Splitter {
        List<BatchSplitter.Slice> split() throws IOException, BatchSplitter.TooManyEvents;
    }

    private Uni<Response> ingest(Splitter splitter, byte[] body) {
        if (!inFlight.tryAcquire()) {
            return Uni.createFrom().item(Response.status(503).header("Retry-After", "1")
                    .entity(Map.of("error", "too many ingest requests in flight; retry shortly")).build());
        }
        long deadlineNanos = System.nanoTime() + answerDeadline.toNanos();
        Permit permit = new Permit(inFlight);
        // Decoding and handing records to the producer may block (metadata, a full buffer): not on the event loop.
        return Uni.createFrom().item(() -> decode(splitter, body, deadlineNanos))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(decoded -> {
                    if (decoded.refusal() != null) {
                        return Uni.createFrom().item(decoded.refusal());
                    }
                    IngestBatch batch = decoded.batch();
                    // Publishing holds the permit, so requests stuck behind an absent broker stay bounded.
                    Infrastructure.getDefaultWorkerPool().execute(() -> {
                        try {
                            batch.publishAll(publisher);
                        } finally {
                            permit.release();
                        }
                    });
                    permit.handedOver();
                    return Uni.createFrom().completionStage(batch.answer()).map(a ->
                            // Nothing acknowledged although events were sent: the broker is away, say so.
                            a.accepted() == 0 && batch.hasEvents()
                                    ? Response.status(503).header("Retry-After", "1").entity(a).build()
                                    : Response.ok(a).build());
                })
                .eventually(permit::releaseUnlessHandedOver);
    }

    private record Decoded(IngestBatch batch, Response refusal) {
    }

    private Decoded decode(Splitter splitter, byte[] body, long deadlineNanos) {
        List<BatchSplitter.Slice> slices;
        try {
            slices = splitter.split();
        } catch (IOException e) {
            return new Decoded(null, Response.status(400)
                    .entity(Map.of("error", "the body is not a JSON array of events")).build());
        } catch (BatchSplitter.TooManyEvents e) {
            return new Decoded(null, Response.status(413).entity(Map.of("error", e.getMessage())).build());
        }
        IngestBatch batch = new IngestBatch(deadlineNanos, answerDeadline.toMillis());
        for (BatchSplitter.Slice s : slices) {
            ParseResult r = codec.decode(body, s.offset(), s.length());
            if (r instanceof ParseResult.Invalid invalid) {
                batch.error(s.number(), invalid.violation().reason().name(), invalid.violation().message());
            } else {
                batch.toPublish(s.number(), ((ParseResult.Valid) r).event().dossierId(),
                        Arrays.copyOfRange(body, s.offset(), s.offset() + s.length()));
            }
        }
        return new Decoded(batch, null);
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
