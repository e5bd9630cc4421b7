package io.dossierpulse.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossierpulse.domain.EventType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The published JSON Schema and the codec must say the same thing. */
class ContractSchemaTest {

    private static JsonNode schema() throws Exception {
        return new ObjectMapper().readTree(Path.of("docs/schemas/dossier-event-v1.schema.json").toFile());
    }

    @Test
    void eventTypesMatch() throws Exception {
        Set<String> inSchema = new TreeSet<>();
        schema().at("/properties/type/enum").forEach(n -> inSchema.add(n.asText()));
        Set<String> inCode = new TreeSet<>();
        Arrays.stream(EventType.values()).forEach(t -> inCode.add(t.name()));
        assertEquals(inCode, inSchema);
    }

    @Test
    void everyPropertyOfTheSchemaIsAcceptedAndOthersAreNot() throws Exception {
        StringBuilder json = new StringBuilder("{");
        schema().get("properties").fieldNames().forEachRemaining(name -> json.append('"').append(name).append("\":")
                .append(switch (name) {
                    case "seq" -> "3";
                    case "type" -> "\"TRANSFERRED\"";
                    case "channel" -> "\"ONLINE\"";
                    case "occurredAt", "dueAt", "newDueAt" -> "\"2025-03-12T10:00:00+07:00\"";
                    case "feeRequired", "paidOnline", "digitized" -> "true";
                    default -> "\"X-1\"";
                }).append(','));
        json.setCharAt(json.length() - 1, '}');
        assertInstanceOf(ParseResult.Valid.class,
                new EventCodec().decode(json.toString().getBytes(StandardCharsets.UTF_8)), json.toString());
    }

    @Test
    void requiredFieldsMatch() throws Exception {
        Set<String> required = new TreeSet<>();
        schema().get("required").forEach(n -> required.add(n.asText()));
        for (String field : required) {
            String json = EventCodecTest.with(field, null);
            ParseResult.Invalid r = assertInstanceOf(ParseResult.Invalid.class,
                    new EventCodec().decode(json.getBytes(StandardCharsets.UTF_8)), field);
            assertEquals(RejectReason.MISSING_FIELD, r.violation().reason(), field);
        }
        assertEquals(7, required.size());
    }
}
