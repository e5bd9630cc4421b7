package io.dossierpulse.api;

import io.dossierpulse.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.dossierpulse.streams.PulseConfig;
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
import org.jboss.resteasy.reactive.RestStreamElementType;

@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = io.dossierpulse.api.OpenApiTags.SLA)
@Path("/api/sla-events")
public class SlaEventResource {

    private final SlaEventFeed feed;
    private final StreamSlots slots;

    SlaEventResource(SlaEventFeed feed, PulseConfig config) {
        this.feed = feed;
        this.slots = new StreamSlots(config.sse().maxStreams(), config.sse().maxStreamsPerClient());
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "SLA events as they are committed (server-sent events, CloudEvents JSON)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "one CloudEvent (JSON, docs/schemas/sla-event-v1.schema.json) per event", content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/event-stream", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public Multi<String> stream(@Context HttpServerRequest request) {
        String client = request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress();
        switch (slots.acquire(client)) {
            case INSTANCE_FULL -> throw refused(503, "this instance serves as many event streams as it may; retry later");
            case CLIENT_FULL -> throw refused(429, "too many event streams open from this client");
            case NONE -> {
            }
        }
        return feed.stream().onTermination().invoke(() -> slots.release(client));
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
