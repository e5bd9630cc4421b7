package io.dossierpulse.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossierpulse.support.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes every operation completely: a tag, a typed success answer, and its
 * errors as ErrorAnswer (400 and 503 always, 401 and 403 where a role is needed). An operation added
 * without them fails here.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class OpenApiDocumentTest {

    @Test
    void everyOperationHasATagATypedAnswerAndItsErrors() throws Exception {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
        String body = given().port(port).queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        JsonNode doc = new ObjectMapper().readTree(body);
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode o = op.getValue();
                if (!o.has("tags") || o.get("tags").isEmpty()) {
                    problems.add(name + ": no tag");
                }
                JsonNode ok = o.at("/responses/200");
                if (ok.isMissingNode() || ok.at("/content").isEmpty()
                        || ok.at("/content").elements().next().at("/schema").isMissingNode()) {
                    problems.add(name + ": no typed 200 answer");
                }
                boolean isPublic = o.get("tags") != null && o.get("tags").toString().contains(OpenApiTags.PUBLIC);
                for (String code : isPublic ? List.of("400", "503") : List.of("400", "401", "403", "503")) {
                    if (!o.at("/responses/" + code + "/content").toString().contains("ErrorAnswer")) {
                        problems.add(name + ": no " + code + " as ErrorAnswer");
                    }
                }
            }
        }
        assertTrue(operations >= 15, "operations in the document: " + operations);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(doc.at("/components/schemas/ErrorAnswer").has("properties"), "ErrorAnswer is described");
    }
}
