package io.dossierpulse.api;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/api/sla-events")
public class SlaEventResource {

    private final SlaEventFeed feed;

    SlaEventResource(SlaEventFeed feed) {
        this.feed = feed;
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "SLA events as they are committed (server-sent events, CloudEvents JSON)")
    public Multi<String> stream() {
        return feed.stream();
    }

    @GET
    @Path("/recent")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The latest SLA events this instance has seen, newest first")
    public String recent() {
        return "[" + String.join(",", feed.recent()) + "]";
    }
}
