package io.dossierpulse.ingest;

import io.dossierpulse.api.OpenApiTags;
import io.dossierpulse.contract.PortalSyncCodec;
import io.dossierpulse.contract.RejectReason;
import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.security.Roles;
import io.dossierpulse.streams.PulseConfig;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The national portal's sync format in (docs/portal-sync.md): a {@code DongBoHoSoMC} or
 * {@code CapNhatTienDoHoSoMC} body, as provincial one-stop systems send it to the portal. Each valid
 * item is stripped of everything personal and produced to {@code dossier.portal-sync} as a one-item
 * body keyed by its dossier; the stream turns it into contract-v1 events. Invalid items are answered
 * by item number, like the lines of {@code /api/events}.
 */
@RolesAllowed({Roles.INGEST, Roles.ADMIN})
@Tag(name = OpenApiTags.INGEST)
@Path("/api/portal/dongbo")
public class PortalSyncResource {

    private final IngestGate gate;
    private final PortalSyncCodec codec;
    private final boolean enabled;

    PortalSyncResource(IngestGate gate, PulseConfig config, AgencyDirectory agencies) {
        this.gate = gate;
        this.enabled = config.portal().syncEnabled();
        this.codec = new PortalSyncCodec(PortalSyncCodec.agencyCodes(agencies),
                config.ingest().maxEventsPerRequest());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest a national-portal sync body (DongBoHoSoMC or CapNhatTienDoHoSoMC)")
    @APIResponseSchema(value = IngestAnswer.class,
            responseDescription = "accepted and refused items (numbered from 1), once Kafka acknowledged")
    public Uni<Response> sync(byte[] body) {
        if (!enabled) {
            return Uni.createFrom().item(Response.status(503).entity(Map.of("error",
                    "national-portal sync is not enabled on this service (pulse.portal.sync-enabled)",
                    "code", "PORTAL_SYNC_DISABLED")).build());
        }
        return gate.submit(deadline -> decode(body, deadline), gate::publishPortalItem);
    }

    private IngestGate.Decoded decode(byte[] body, long deadlineNanos) {
        PortalSyncCodec.Body parsed;
        try {
            parsed = codec.decode(body);
        } catch (PortalSyncCodec.BodyError e) {
            int status = e.reason() == RejectReason.TOO_MANY_ITEMS ? 413 : 400;
            return new IngestGate.Decoded(null, Response.status(status)
                    .entity(Map.of("error", e.getMessage(), "code", e.reason().name())).build());
        }
        IngestBatch batch = gate.batch(deadlineNanos);
        for (PortalSyncCodec.Item item : parsed.items()) {
            if (item instanceof PortalSyncCodec.Valid v) {
                batch.toPublish(v.number(), v.snapshot().dossierId(), PortalSyncCodec.encode(v.snapshot()));
            } else {
                PortalSyncCodec.Invalid bad = (PortalSyncCodec.Invalid) item;
                batch.error(bad.number(), bad.reason().name(), bad.message());
            }
        }
        return new IngestGate.Decoded(batch, null);
    }
}
