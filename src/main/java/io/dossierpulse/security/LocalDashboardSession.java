package io.dossierpulse.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo's dashboard without a login: a browser on this machine (loopback peer, no proxy header)
 * gets a short-lived {@code operator} token signed with the local key. Off unless
 * {@code pulse.security.local-dashboard} (the demo and dev profiles); an operator token reads, it
 * never writes.
 */
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = io.dossierpulse.api.OpenApiTags.PUBLIC)
@Path("/api/session/local")
public class LocalDashboardSession {

    static final Duration TTL = Duration.ofHours(1);

    /** An operator token for the dashboard, and how long it lasts. */
    public record Session(String token, long expiresInSeconds) {
    }

    @ConfigProperty(name = "pulse.security.local-dashboard")
    boolean enabled;

    @ConfigProperty(name = TokenIssuer.KEY_DIR)
    String keyDir;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    String audiences;

    @POST
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = Session.class,
            responseDescription = "an operator token; 403 unless asked from the service's own machine in the demo")
    public Response open(@Context HttpServerRequest request) {
        if (!enabled) {
            return refuse("the local dashboard session is off here; sign in with a token from your identity provider");
        }
        if (!fromThisMachine(request)) {
            return refuse("a local dashboard session is only given to a browser on the service's own machine");
        }
        TokenIssuer tokens = new TokenIssuer(LocalSigningKey.ensure(java.nio.file.Path.of(keyDir)), issuer,
                audiences.split(",")[0].trim());
        return Response.ok(new Session(tokens.token("local-dashboard", Set.of(Roles.OPERATOR), TTL), TTL.toSeconds()))
                .header("Cache-Control", "no-store").build();
    }

    private static boolean fromThisMachine(HttpServerRequest request) {
        if (request.headers().contains("Forwarded") || request.headers().contains("X-Forwarded-For")) {
            return false; // came through a proxy: the peer address says nothing about the browser
        }
        String host = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        try {
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Response refuse(String why) {
        return Response.status(403).entity(Map.of("error", why)).build();
    }
}
