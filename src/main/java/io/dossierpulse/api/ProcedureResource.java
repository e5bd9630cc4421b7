package io.dossierpulse.api;

import io.dossierpulse.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.dossierpulse.domain.agency.AgencyLevel;
import io.dossierpulse.domain.catalog.Procedure;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = io.dossierpulse.api.OpenApiTags.REFERENCE)
@Path("/api/procedures")
@Produces(MediaType.APPLICATION_JSON)
public class ProcedureResource {

    private final ProcedureCatalog catalog;

    ProcedureResource(ProcedureCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "The procedure catalog, optionally one level (CITY, DISTRICT, COMMUNE)")
    public List<Procedure> all(@QueryParam("level") String level) {
        if (level == null || level.isBlank()) {
            return catalog.all();
        }
        try {
            return catalog.byLevel(AgencyLevel.valueOf(level.trim()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("level must be CITY, DISTRICT or COMMUNE, got '" + level + "'");
        }
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One procedure by its code")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = Procedure.class, responseDescription = "the procedure; 404 when unknown")
    public Response byCode(@PathParam("code") String code) {
        Procedure p = catalog.byCode(code);
        return p == null ? Response.status(404).entity(Map.of("error", "no procedure " + code)).build()
                : Response.ok(p).build();
    }
}
