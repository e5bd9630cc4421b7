package io.dossierpulse.perf.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * What identifies an SLA announcement, read from its CloudEvent (docs/schemas/sla-event-v1.schema.json):
 * the {@code data} object's dossierId, kind (AT_RISK, BREACHED...) and deadline.
 */
public record SlaEventFields(String dossierId, String kind, Instant deadline) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static SlaEventFields parse(byte[] cloudEvent) throws IOException {
        JsonNode data = JSON.readTree(cloudEvent).path("data");
        String deadline = data.path("deadline").asText(null);
        return new SlaEventFields(data.path("dossierId").asText(null), data.path("kind").asText(null),
                deadline == null ? null : OffsetDateTime.parse(deadline).toInstant());
    }

    /** One line per announcement, the deadline as an instant, so that its offset in the JSON does not matter. */
    public String triple() {
        return dossierId + "|" + kind + "|" + deadline;
    }
}
