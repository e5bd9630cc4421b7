package io.dossierpulse.api;

import io.dossierpulse.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What the intake has done since this instance started: a summary for the dashboard. */
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = io.dossierpulse.api.OpenApiTags.OPERATIONS)
@Path("/api/pipeline")
@Produces(MediaType.APPLICATION_JSON)
public class PipelineResource {

    private final MeterRegistry registry;
    private final KafkaStreams streams;

    PipelineResource(MeterRegistry registry, KafkaStreams streams) {
        this.registry = registry;
        this.streams = streams;
    }

    public record PipelineSummary(String streamsState, Map<String, Long> appliedByType, Map<String, Long> rejectedByReason,
            long applied, long rejected, long duplicates, long held) {
    }

    @GET
    @Operation(summary = "Counts of events applied, rejected (by reason), duplicated and held on this instance")
    public PipelineSummary summary() {
        Map<String, Long> applied = byTag("pulse.events.applied", "type");
        Map<String, Long> rejected = byTag("pulse.events.rejected", "reason");
        return new PipelineSummary(streams.state().name(), applied, rejected,
                applied.values().stream().mapToLong(Long::longValue).sum(),
                rejected.values().stream().mapToLong(Long::longValue).sum(),
                (long) registry.get("pulse.events.duplicates").counter().count(),
                (long) registry.get("pulse.events.held").counter().count());
    }

    private Map<String, Long> byTag(String name, String tag) {
        Map<String, Long> out = new TreeMap<>();
        for (Counter c : registry.find(name).counters()) {
            long v = (long) c.count();
            if (v > 0) {
                out.put(c.getId().getTag(tag), v);
            }
        }
        return out;
    }
}
