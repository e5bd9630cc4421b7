package io.dossierpulse.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Declares the errors every operation may answer, all as {@link ErrorAnswer}, so that each one in the
 * OpenAPI document says what a client gets besides its result: 400 for a bad parameter, 401 and 403
 * where a role is needed, 429 and 503 where they can happen. Registered with {@code mp.openapi.filter}.
 */
public class OpenApiErrors implements OASFilter {

    private static final String ERROR_REF = "#/components/schemas/ErrorAnswer";
    private static final Map<String, String> ALWAYS = Map.of(
            "400", "a parameter or the body is not valid",
            "503", "not ready (starting, rebalancing) or overloaded; retry after Retry-After");
    private static final Map<String, String> PROTECTED = Map.of(
            "401", "no bearer token, or one that is not valid (signature, expiry, issuer, audience)",
            "403", "the token's roles do not allow this operation");

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean isPublic = operation.getTags() != null && operation.getTags().contains(OpenApiTags.PUBLIC);
        add(responses, ALWAYS);
        if (!isPublic) {
            add(responses, PROTECTED);
        } else {
            add(responses, Map.of("429", "too many requests from this address; retry after Retry-After"));
        }
        return operation;
    }

    private static void add(APIResponses responses, Map<String, String> codes) {
        codes.forEach((code, description) -> {
            APIResponse existing = responses.getAPIResponse(code);
            if (existing == null || existing.getContent() == null) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse()
                        .description(existing != null && existing.getDescription() != null ? existing.getDescription()
                                : description)
                        .content(OASFactory.createContent().addMediaType("application/json",
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR_REF)))));
            }
        });
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        // The error schema, in case no operation names it by class.
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() == null
                || !openAPI.getComponents().getSchemas().containsKey("ErrorAnswer")) {
            openAPI.getComponents().addSchema("ErrorAnswer", OASFactory.createSchema()
                    .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.OBJECT)
                    .addProperty("error", OASFactory.createSchema()
                            .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING))
                    .addRequired("error"));
        }
    }
}
