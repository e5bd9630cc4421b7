package io.dossierpulse.api;

import io.dossierpulse.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.dossierpulse.domain.dossier.DossierState;
import io.dossierpulse.domain.sla.SlaEngine;
import io.dossierpulse.streams.DossierTopology;
import io.dossierpulse.streams.StoreQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = io.dossierpulse.api.OpenApiTags.DOSSIERS)
@Path("/api/dossiers")
@Produces(MediaType.APPLICATION_JSON)
public class DossierResource {

    private final InstanceRouter router;
    private final SlaEngine engine;

    DossierResource(InstanceRouter router, SlaEngine engine) {
        this.router = router;
        this.engine = engine;
    }

    @GET
    @Path("/{dossierId}")
    @Operation(summary = "A dossier's current state, from whichever instance holds it")
    @io.smallrye.common.annotation.Blocking // RocksDB reads and the merge of every instance's part
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = DossierView.class, responseDescription = "the dossier's state; 404 when unknown")
    public Uni<Response> dossier(@PathParam("dossierId") String dossierId,
            @HeaderParam(InstanceRouter.FORWARDED_HEADER) String forwardedMark) {
        boolean forwarded = router.forwardedByInstance(forwardedMark);
        HostInfo owner = forwarded ? null : router.ownerOf(DossierTopology.DOSSIER_STORE, dossierId);
        if (owner != null) {
            return router.forward(owner, "/api/dossiers/" + InstanceRouter.segment(dossierId));
        }
        DossierState state = StoreQueries.dossier(router.streams(), dossierId);
        if (state == null) {
            return Uni.createFrom().item(Response.status(404)
                    .entity(Map.of("error", "no dossier " + dossierId)).build());
        }
        return Uni.createFrom().item(Response.ok(DossierView.of(state, engine)).build());
    }
}
