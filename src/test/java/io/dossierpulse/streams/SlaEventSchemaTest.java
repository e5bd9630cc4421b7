package io.dossierpulse.streams;

import io.dossierpulse.domain.sla.SlaEventType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.dossier.DossierState;
import io.dossierpulse.domain.sla.SlaClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What the codec writes and what the published schema promises must agree. */
class SlaEventSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode schema() throws Exception {
        return JSON.readTree(Path.of("docs/schemas/sla-event-v1.schema.json").toFile());
    }

    private static JsonNode sample(SlaEventType type) throws Exception {
        DossierState s = DossierState.start(Events.event("S-1", 1, EventType.ACCEPTED, Events.T0), 0)
                .withSla(new SlaClock(Events.T0.getEpochSecond(), Events.T0.getEpochSecond() + 3600, SlaClock.NONE,
                        Events.T0.getEpochSecond() + 7200, SlaClock.NONE, 0, 0, 1, 0), 0, null);
        Instant due = Instant.ofEpochSecond(Events.T0.getEpochSecond() + 3600);
        return JSON.readTree(SlaEventCodec.encode(type, s, due, due, due.plusSeconds(5), 0, true));
    }

    @Test
    void everyTypeCarriesTheRequiredFieldsWithItsDeclaredType() throws Exception {
        JsonNode schema = schema();
        Set<String> types = new TreeSet<>();
        schema.at("/properties/type/enum").forEach(n -> types.add(n.asText()));
        Set<String> kinds = new TreeSet<>();
        schema.at("/properties/data/properties/kind/enum").forEach(n -> kinds.add(n.asText()));
        assertEquals(new TreeSet<>(Arrays.stream(SlaEventType.values()).map(SlaEventType::cloudEventType).toList()),
                types);
        assertEquals(new TreeSet<>(Arrays.stream(SlaEventType.values()).map(Enum::name).toList()), kinds);
        for (SlaEventType t : SlaEventType.values()) {
            JsonNode e = sample(t);
            schema.get("required").forEach(f -> assertTrue(e.has(f.asText()), t + " lacks " + f.asText()));
            schema.at("/properties/data/required").forEach(f ->
                    assertTrue(e.get("data").has(f.asText()), t + " data lacks " + f.asText()));
            assertEquals(t.cloudEventType(), e.get("type").asText());
            assertEquals(e.get("time").asText(), e.at("/data/detectedAt").asText());
            assertTrue(e.at("/data/dueAt").asText().endsWith("+07:00"));
            e.get("data").fieldNames().forEachRemaining(f -> assertTrue(
                    schema.at("/properties/data/properties").has(f), "undocumented field " + f));
        }
    }
}
