package io.dossierpulse.api;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Errors as JSON {"error": "..."}: a client can show the message as it is. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response badRequest(BadRequestException e) {
        return Response.status(400).entity(Map.of("error", e.getMessage())).build();
    }

    /** Starting or rebalancing: the stores or their owners are not known yet. Clients retry. */
    @ServerExceptionMapper
    public Response notReady(InstanceRouter.NotReadyException e) {
        return unavailable(e.getMessage());
    }

    @ServerExceptionMapper
    public Response storeNotReady(InvalidStateStoreException e) {
        return unavailable(e.getMessage());
    }

    private static Response unavailable(String message) {
        return Response.status(503).header("Retry-After", "1").entity(Map.of("error", "not ready: " + message)).build();
    }
}
