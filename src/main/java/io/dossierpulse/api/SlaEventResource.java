package io.dossierpulse.api;

import io.dossierpulse.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = io.dossierpulse.api.OpenApiTags.SLA)
@Path("/api/sla-events")
public class SlaEventResource {

    private final SlaEventFeed feed;

    SlaEventResource(SlaEventFeed feed) {
        this.feed = feed;
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "SLA events as they are committed (server-sent events named sla, CloudEvents JSON, with ids; "
            + "Last-Event-ID resumes, a reset event says the resume point was gone and the latest events follow)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "one CloudEvent (JSON, docs/schemas/sla-event-v1.schema.json) per event", content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/event-stream", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public Multi<OutboundSseEvent> stream(@Context HttpServerRequest request, @Context Sse sse,
            @HeaderParam("Last-Event-ID") String lastEventId) {
        return open(feed, request, sse, new LiveStream(feed.ring(), lastEventId, false, null));
    }

    /** A stream counted against the instance's and the client's bounds, released when it ends. */
    static Multi<OutboundSseEvent> open(SlaEventFeed feed, HttpServerRequest request, Sse sse, LiveStream stream) {
        String client = request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress();
        switch (feed.slots().acquire(client)) {
            case INSTANCE_FULL -> throw refused(503, "this instance serves as many event streams as it may; retry later");
            case CLIENT_FULL -> throw refused(429, "too many event streams open from this client");
            case NONE -> {
            }
        }
        return stream.multi().map(m -> {
            if (m.event() == null) {
                return sse.newEventBuilder().comment(m.data()).build();
            }
            OutboundSseEvent.Builder b = sse.newEventBuilder().name(m.event()).mediaType(MediaType.TEXT_PLAIN_TYPE).data(m.data());
            return (m.id() == null ? b : b.id(m.id())).build();
        }).onTermination().invoke(() -> feed.slots().release(client));
    }

    private static WebApplicationException refused(int status, String why) {
        return new WebApplicationException(Response.status(status).header("Retry-After", "5")
                .type(MediaType.APPLICATION_JSON).entity(Map.of("error", why)).build());
    }

    @GET
    @Path("/recent")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The latest SLA events this instance has seen, newest first")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "CloudEvents (docs/schemas/sla-event-v1.schema.json), newest first", content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public String recent() {
        return "[" + String.join(",", feed.recent()) + "]";
    }
}
