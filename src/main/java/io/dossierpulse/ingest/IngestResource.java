package io.dossierpulse.ingest;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * HTTP ingest for systems that cannot produce to Kafka. Each event is validated against contract
 * v1; valid ones are produced to {@code dossier.events} and the answer is sent only once the broker
 * has acknowledged them all. Lifecycle checks (order, legality) happen downstream: an event refused
 * there lands in the dead-letter topic.
 */
@Path("/api/events")
public class IngestResource {

    public static final String NDJSON = "application/x-ndjson";
    private static final int MAX_ERRORS = 1000;

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
    public Uni<Response> ingestLines(byte[] body) {
        return ingest(() -> BatchSplitter.lines(body, maxEvents), body);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest events given as a JSON array")
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
        // Decoding and handing records to the producer may block on a full producer buffer: not on the event loop.
        return Uni.createFrom().item(() -> send(splitter, body))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(batch -> batch.refusal != null
                        ? Uni.createFrom().item(batch.refusal)
                        : Uni.createFrom().completionStage(batch.answer(answerDeadline)).map(a ->
                                // Nothing acknowledged although events were sent: the broker is away, say so.
                                a.accepted() == 0 && !batch.acks.isEmpty()
                                        ? Response.status(503).header("Retry-After", "1").entity(a).build()
                                        : Response.ok(a).build()))
                .eventually((Runnable) inFlight::release);
    }

    private Batch send(Splitter splitter, byte[] body) {
        List<BatchSplitter.Slice> slices;
        try {
            slices = splitter.split();
        } catch (IOException e) {
            return Batch.refused(Response.status(400).entity(Map.of("error", "the body is not a JSON array of events"))
                    .build());
        } catch (BatchSplitter.TooManyEvents e) {
            return Batch.refused(Response.status(413).entity(Map.of("error", e.getMessage())).build());
        }
        Batch batch = new Batch();
        for (BatchSplitter.Slice s : slices) {
            ParseResult r = codec.decode(body, s.offset(), s.length());
            if (r instanceof ParseResult.Invalid invalid) {
                batch.error(s.number(), invalid.violation().reason().name(), invalid.violation().message());
            } else {
                String dossierId = ((ParseResult.Valid) r).event().dossierId();
                byte[] event = Arrays.copyOfRange(body, s.offset(), s.offset() + s.length());
                batch.sent(s.number(), publisher.publish(dossierId, event));
            }
        }
        return batch;
    }

    /** The events of one request on their way to the broker. */
    private static final class Batch {
        private final List<IngestAnswer.LineError> errors = new ArrayList<>();
        private final List<Integer> sentLines = new ArrayList<>();
        private final List<CompletableFuture<Void>> acks = new ArrayList<>();
        private int errorCount;
        /** The whole request refused before any event was sent, or null. */
        private Response refusal;

        static Batch refused(Response response) {
            Batch b = new Batch();
            b.refusal = response;
            return b;
        }

        void error(int line, String code, String reason) {
            errorCount++;
            if (errors.size() < MAX_ERRORS) {
                errors.add(new IngestAnswer.LineError(line, code, reason));
            }
        }

        void sent(int line, CompletableFuture<Void> ack) {
            sentLines.add(line);
            acks.add(ack);
        }

        /**
         * The answer once every event is acknowledged or the deadline passes: an event not acknowledged
         * by then is reported as such (the client posts it again; a second copy is a harmless duplicate).
         */
        CompletableFuture<IngestAnswer> answer(java.time.Duration deadline) {
            return CompletableFuture.allOf(acks.stream()
                            .map(a -> a.handle((ok, e) -> null)).toArray(CompletableFuture[]::new))
                    .completeOnTimeout(null, deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .thenApply(done -> {
                        int accepted = 0;
                        for (int i = 0; i < acks.size(); i++) {
                            CompletableFuture<Void> a = acks.get(i);
                            if (!a.isDone()) {
                                error(sentLines.get(i), "BROKER_UNAVAILABLE", "not acknowledged by Kafka within "
                                        + deadline.toSeconds() + " s; post it again");
                            } else if (a.isCompletedExceptionally()) {
                                String cause = a.handle((ok, e) -> e.getCause() != null ? e.getCause().toString()
                                        : e.toString()).join();
                                error(sentLines.get(i), "BROKER_UNAVAILABLE", "not acknowledged by Kafka: " + cause);
                            } else {
                                accepted++;
                            }
                        }
                        errors.sort((x, y) -> Integer.compare(x.line(), y.line()));
                        return new IngestAnswer(accepted, errorCount, errors, errorCount > errors.size());
                    });
        }
    }
}
