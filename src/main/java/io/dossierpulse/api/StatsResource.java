package io.dossierpulse.api;

import io.dossierpulse.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.dossierpulse.domain.agency.Agency;
import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.agency.AgencyLevel;
import io.dossierpulse.domain.indicators.Indicators;
import io.dossierpulse.domain.indicators.Measure;
import io.dossierpulse.domain.indicators.ProcessingTimes;
import io.dossierpulse.domain.indicators.Scoreboard;
import io.dossierpulse.domain.indicators.Tally;
import io.dossierpulse.view.CounterView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Counters and indicators for a period, city-wide, per agency (its own dossiers and those of the
 * agencies under it) and as a scoreboard. Answered from the replicated serving view: any instance
 * answers alone.
 */
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = io.dossierpulse.api.OpenApiTags.STATISTICS)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final CounterView view;
    private final AgencyDirectory agencies;

    StatsResource(CounterView view, AgencyDirectory agencies) {
        this.view = view;
        this.agencies = agencies;
    }

    /** Counters of a scope and period with the indicators computed from them. */
    public record Stats(String scope, String name, String level, LocalDate from, LocalDate to, long received,
            long resolved, long open, Map<String, Long> counts, Indicators indicators, ProcessingTimes processingTime) {
    }

    public record IndicatorBoard(String level, LocalDate from, LocalDate to, Indicators city, List<Scoreboard.Row> rows) {
    }

    @GET
    @Path("/stats/city")
    @Operation(summary = "City-wide counters and indicators for a period (default today)")
    public Stats city(@QueryParam("from") String from, @QueryParam("to") String to) {
        DateRange r = DateRange.parse(from, to);
        Agency root = agencies.root();
        return stats(root.code(), root.name(), "CITY", r, view.period(r.from(), r.to()));
    }

    @GET
    @Path("/agencies/{code}/stats")
    @Operation(summary = "An agency's counters and indicators for a period, with the agencies under it")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(value = Stats.class, responseDescription = "the agency's counters and indicators; 404 when unknown")
    public Response agency(@PathParam("code") String code, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        DateRange r = DateRange.parse(from, to);
        Agency agency = agencies.byCode(code);
        Tally t = view.periodRolledUp(r.from(), r.to(), agencies).get(code);
        if (agency == null && t == null) {
            return Response.status(404).entity(Map.of("error", "no agency " + code)).build();
        }
        return Response.ok(stats(code, agency == null ? null : agency.name(),
                agency == null ? null : agency.level().name(), r, t == null ? new Tally() : t)).build();
    }

    @GET
    @Path("/indicators")
    @Operation(summary = "Scoreboard of agencies by the computable Decision 766 indicators, best first")
    public IndicatorBoard indicators(@QueryParam("level") String level, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        DateRange r = DateRange.parse(from, to);
        AgencyLevel lvl = null;
        if (level != null && !level.isBlank()) {
            try {
                lvl = AgencyLevel.valueOf(level.trim());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("level must be CITY, DISTRICT or COMMUNE, got '" + level + "'");
            }
        }
        Map<String, Tally> rolled = view.periodRolledUp(r.from(), r.to(), agencies);
        Map<String, Tally> selected = new LinkedHashMap<>();
        for (Map.Entry<String, Tally> e : rolled.entrySet()) {
            Agency a = agencies.byCode(e.getKey());
            boolean root = a != null && a.isRoot();
            if (!root && (lvl == null || (a != null && a.level() == lvl))) {
                selected.put(e.getKey(), e.getValue());
            }
        }
        return new IndicatorBoard(lvl == null ? null : lvl.name(), r.from(), r.to(),
                Indicators.of(view.period(r.from(), r.to())), Scoreboard.of(selected).rows());
    }

    private static Stats stats(String scope, String name, String level, DateRange r, Tally t) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Measure m : Measure.values()) {
            if (!m.name().startsWith("PT_")) {
                counts.put(m.name(), t.get(m));
            }
        }
        return new Stats(scope, name, level, r.from(), r.to(), t.received(), t.resolved(), t.open(), counts,
                Indicators.of(t), ProcessingTimes.of(t));
    }
}
