package io.dossierpulse.ingest;

import io.dossierpulse.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.contract.ParseResult;
import io.dossierpulse.streams.PulseConfig;
import io.smallrye.mutiny.Uni;
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

    private final IngestGate gate;
    private final EventCodec codec;
    private final int maxEvents;

    IngestResource(IngestGate gate, PulseConfig config) {
        this.gate = gate;
        this.maxEvents = config.ingest().maxEventsPerRequest();
        this.codec = new EventCodec(config.intake().maxEventBytes());
    }

    @POST
    @Consumes(NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest events, one JSON object per line")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = IngestAnswer.class, responseDescription = "accepted and refused lines, once Kafka acknowledged")
    public Uni<Response> ingestLines(byte[] body) {
        return gate.submit(deadline -> decode(() -> BatchSplitter.lines(body, maxEvents), body, deadline), gate::publishEvent);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest events given as a JSON array")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = IngestAnswer.class, responseDescription = "accepted and refused elements, once Kafka acknowledged")
    public Uni<Response> ingestArray(byte[] body) {
        return gate.submit(deadline -> decode(() -> BatchSplitter.arrayElements(body, maxEvents), body, deadline), gate::publishEvent);
    }

    private interface Splitter {
        List<BatchSplitter.Slice> split() throws IOException, BatchSplitter.TooManyEvents;
    }

    private IngestGate.Decoded decode(Splitter splitter, byte[] body, long deadlineNanos) {
        List<BatchSplitter.Slice> slices;
        try {
            slices = splitter.split();
        } catch (IOException e) {
            return new IngestGate.Decoded(null, Response.status(400)
                    .entity(Map.of("error", "the body is not a JSON array of events")).build());
        } catch (BatchSplitter.TooManyEvents e) {
            return new IngestGate.Decoded(null, Response.status(413).entity(Map.of("error", e.getMessage())).build());
        }
        IngestBatch batch = gate.batch(deadlineNanos);
        for (BatchSplitter.Slice s : slices) {
            ParseResult r = codec.decode(body, s.offset(), s.length());
            if (r instanceof ParseResult.Invalid invalid) {
                batch.error(s.number(), invalid.violation().reason().name(), invalid.violation().message());
            } else {
                batch.toPublish(s.number(), ((ParseResult.Valid) r).event().dossierId(),
                        Arrays.copyOfRange(body, s.offset(), s.offset() + s.length()));
            }
        }
        return new IngestGate.Decoded(batch, null);
    }
}
