package io.dossierpulse.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The citizen lookup board's page, at {@code /tra-cuu} and at each dossier's own address
 * {@code /tra-cuu/{dossierId}} (the QR codes link there); the page reads the id from its address.
 */
@PermitAll
@Path("/tra-cuu")
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = io.dossierpulse.api.OpenApiTags.PUBLIC)
@Produces(MediaType.TEXT_HTML)
public class CitizenBoardPage {

    static final String PAGE = "/board/tra-cuu.html";
    private static final String HTML = read();

    private static String read() {
        try (InputStream in = CitizenBoardPage.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException(PAGE + " missing from the package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Operation(hidden = true) // a page, not an API
    public String board() {
        return HTML;
    }

    @GET
    @Path("/{dossierId}")
    @Operation(hidden = true)
    public String dossier(@PathParam("dossierId") String dossierId) {
        return HTML;
    }
}
