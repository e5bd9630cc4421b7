package io.dossierpulse.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as JSON, like every other error of the API. The reason of a refused token is not
 * told (it helps an attacker more than a client); the server logs it at DEBUG.
 */
public class SecurityErrors {

    private static final String CHALLENGE = "Bearer realm=\"dossier-pulse\"";

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        return unauthorized("a valid bearer token is required");
    }

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e) {
        return unauthorized("a bearer token is required");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Response.status(403).entity(Map.of("error", "this token's roles do not allow this request")).build();
    }

    private static Response unauthorized(String message) {
        return Response.status(401).header("WWW-Authenticate", CHALLENGE).entity(Map.of("error", message)).build();
    }
}
