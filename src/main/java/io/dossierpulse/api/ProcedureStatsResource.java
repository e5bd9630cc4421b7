package io.dossierpulse.api;

import io.dossierpulse.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossierpulse.domain.catalog.Procedure;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.indicators.Indicators;
import io.dossierpulse.domain.indicators.ProcessingTimes;
import io.dossierpulse.domain.indicators.Tally;
import io.dossierpulse.streams.StoreQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * City-wide figures of one procedure, with its processing-time percentiles: a fine-grained
 * question answered by interactive queries over the counter stores of every instance.
 */
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = io.dossierpulse.api.OpenApiTags.STATISTICS)
@Path("/api/procedures/{code}/stats")
@Produces(MediaType.APPLICATION_JSON)
public class ProcedureStatsResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InstanceRouter router;
    private final ProcedureCatalog catalog;
    private final io.dossierpulse.view.CounterView view;

    ProcedureStatsResource(InstanceRouter router, ProcedureCatalog catalog, io.dossierpulse.view.CounterView view) {
        this.view = view;
        this.router = router;
        this.catalog = catalog;
    }

    public record ProcedureStats(String procedureCode, String name, LocalDate from, LocalDate to, long received,
            long resolved, long open, Indicators indicators, ProcessingTimes processingTime, long[] counts) {
    }

    @GET
    @Operation(summary = "A procedure's city-wide counters, indicators and processing-time percentiles for a period")
    @io.smallrye.common.annotation.Blocking // RocksDB reads and the merge of every instance's part
    public Uni<ProcedureStats> stats(@PathParam("code") String code, @QueryParam("from") String from,
            @QueryParam("to") String to, @HeaderParam(InstanceRouter.FORWARDED_HEADER) String forwardedMark) {
        boolean forwarded = router.forwardedByInstance(forwardedMark);
        DateRange r = DateRange.parse(from, to);
        Tally local = local(code, r);
        if (forwarded) {
            return Uni.createFrom().item(answer(code, r, local));
        }
        return router.gather(local, "/api/procedures/" + InstanceRouter.segment(code) + "/stats?from=" + r.from() + "&to=" + r.to(),
                ProcedureStatsResource::counts).map(tallies -> {
            Tally sum = new Tally();
            tallies.forEach(sum::merge);
            return answer(code, r, sum);
        });
    }

    private ProcedureStats answer(String code, DateRange r, Tally t) {
        Procedure p = catalog.byCode(code);
        return new ProcedureStats(code, p == null ? null : p.name(), r.from(), r.to(), t.received(), t.resolved(),
                t.open(), Indicators.of(t), ProcessingTimes.of(t), t.toArray());
    }

    /** This instance's partitions: every agency's tally of the procedure on each date. */
    private Tally local(String code, DateRange r) {
        // Read by the period rule, as the agencies' figures: the open stock at the period's end.
        Tally t = StoreQueries.periodByProcedure(router.streams(), (agency, day) -> true, code, r.from(), r.to(),
                view.store().firstKeptDate(), view.today()).get(code);
        return t == null ? new Tally() : t;
    }

    private static Tally counts(String body) {
        try {
            return Tally.of(JSON.readValue(body, ProcedureStats.class).counts());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer from another instance", e);
        }
    }
}
