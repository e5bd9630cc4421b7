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
    public String recent() {
        return "[" + String.join(",", feed.recent()) + "]";
    }
}
