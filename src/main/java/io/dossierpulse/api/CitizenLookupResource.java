package io.dossierpulse.api;

import io.dossierpulse.domain.agency.Agency;
import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.dossier.DossierState;
import io.dossierpulse.domain.sla.Outcome;
import io.dossierpulse.domain.sla.SlaClock;
import io.dossierpulse.domain.sla.SlaEngine;
import io.dossierpulse.streams.DossierTopology;
import io.dossierpulse.streams.PulseConfig;
import io.dossierpulse.streams.StoreQueries;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The citizens' lookup: anyone with a dossier's id sees its status, the agency holding it and the
 * appointment date, and nothing else (no procedure internals, no timeline). Public, so limited per
 * client address ({@code pulse.lookup.requests-per-minute}); requests forwarded by another instance
 * were counted there.
 */
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = io.dossierpulse.api.OpenApiTags.PUBLIC)
@Path("/api/lookup")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class CitizenLookupResource {

    /**
     * @param agencyCode    the agency holding the dossier now ({@code agencyName} its name)
     * @param late          ended after its due, or open and past it
     * @param reappointed   the agency apologized and gave a new appointment
     * @param appointmentAt the date the result is promised for: the re-appointed date when the
     *                      agency has issued one (with an apology), else the due date
     */
    public record CitizenView(String dossierId, String status, String statusLabel, String agencyCode,
            String agencyName, String receivingAgencyName, OffsetDateTime appointmentAt, boolean ended, boolean late, boolean reappointed) {
    }

    /** Where citizens reach the board (behind a proxy the request's own address is not it). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "pulse.lookup.public-url")
    java.util.Optional<String> publicUrl;

    private final InstanceRouter router;
    private final SlaEngine engine;
    private final ClientRateLimit limit;
    private final AgencyDirectory agencies;

    CitizenLookupResource(InstanceRouter router, SlaEngine engine, PulseConfig config, AgencyDirectory agencies) {
        this.router = router;
        this.engine = engine;
        this.agencies = agencies;
        this.limit = new ClientRateLimit(config.lookup().requestsPerMinute(), config.lookup().maxTrackedClients());
    }

    @GET
    @Path("/{dossierId}")
    @Blocking
    @Operation(summary = "A dossier's status, agency and appointment, for the citizen who filed it (public)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = CitizenView.class, responseDescription = "status, agency and appointment; 404 when unknown")
    public Uni<Response> lookup(@PathParam("dossierId") String dossierId, @Context HttpServerRequest request,
            @HeaderParam(InstanceRouter.FORWARDED_HEADER) String forwardedMark) {
        boolean forwarded = router.forwardedByInstance(forwardedMark);
        if (!forwarded) {
            long now = System.currentTimeMillis();
            String client = request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress();
            if (!limit.allow(client, now)) {
                return Uni.createFrom().item(Response.status(429)
                        .header("Retry-After", ClientRateLimit.secondsToNextWindow(now))
                        .entity(Map.of("error", "too many lookups from this address; retry in a minute")).build());
            }
            HostInfo owner = router.ownerOf(DossierTopology.DOSSIER_STORE, dossierId);
            if (owner != null) {
                return router.forward(owner, "/api/lookup/" + InstanceRouter.segment(dossierId));
            }
        }
        DossierState s = StoreQueries.dossier(router.streams(), dossierId);
        if (s == null) {
            return Uni.createFrom().item(Response.status(404).entity(Map.of("error", "no dossier with this id")).build());
        }
        return Uni.createFrom().item(Response.ok(view(s, engine, agencies, Instant.now())).build());
    }

    static CitizenView view(DossierState s, SlaEngine engine, AgencyDirectory agencies, Instant now) {
        SlaClock c = s.clock();
        Instant appointment = c == null ? null
                : c.reappointedDueAt() != null ? c.reappointedDueAsOf(now, engine)
                : s.ended() ? c.dueAt() : c.dueAsOf(now, engine);
        // Late: ended after its due, or still open past it (judged on the procedure's due, not the new appointment).
        boolean late = c != null && (s.ended() ? s.outcome() == Outcome.LATE : c.status(now, engine) == Outcome.IN_PROGRESS_OVERDUE);
        Agency holder = agencies.byCode(s.currentAgencyCode());
        Agency receiver = agencies.byCode(s.receivingAgencyCode());
        return new CitizenView(s.dossierId(), s.status().name(), s.status().label(), s.currentAgencyCode(),
                holder == null ? null : holder.name(), receiver == null ? null : receiver.name(),
                appointment == null ? null : appointment.atOffset(io.dossierpulse.domain.calendar.WorkingCalendar.OFFSET),
                s.ended(), late, c != null && c.reappointedDueAt() != null);
    }

    @GET
    @Path("/{dossierId}/qr.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "A QR code (SVG) linking to the dossier's page on the citizen lookup board (public)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "the QR code", content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "image/svg+xml", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public Response qr(@PathParam("dossierId") String dossierId, @Context jakarta.ws.rs.core.UriInfo uri) {
        if (dossierId.length() > LookupQr.MAX_ID_LENGTH) {
            return Response.status(400).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "a dossier id is at most " + LookupQr.MAX_ID_LENGTH + " characters")).build();
        }
        if (publicUrl.isPresent()) {
            return Response.ok(LookupQr.svg(LookupQr.pageUrl(publicUrl.get(), dossierId)))
                    .header("Cache-Control", "public, max-age=86400").build();
        }
        // The link then comes from the request's Host: never cached for others, and only a plain host.
        String base = uri.getBaseUri().toString();
        if (!LookupQr.plainBase(base)) {
            return Response.status(400).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "the request's host cannot be put in a link; set pulse.lookup.public-url")).build();
        }
        return Response.ok(LookupQr.svg(LookupQr.pageUrl(base, dossierId)))
                .header("Cache-Control", "private, max-age=3600").header("Vary", "Host").build();
    }
}
