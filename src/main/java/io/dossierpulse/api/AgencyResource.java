package io.dossierpulse.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossierpulse.domain.agency.Agency;
import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.catalog.Procedure;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.indicators.Indicators;
import io.dossierpulse.domain.indicators.Tally;
import io.dossierpulse.domain.sla.SlaEngine;
import io.dossierpulse.security.Roles;
import io.dossierpulse.streams.StoreQueries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The agency directory and the operations center's drill-down below an agency: its procedures'
 * figures and its dossiers at risk. Procedure figures and dossiers live in the stream tasks' stores,
 * spread over instances: each instance answers for its partitions, the one asked merges.
 */
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = io.dossierpulse.api.OpenApiTags.STATISTICS)
// Under /api as StatsResource: a root of /api/agencies would take /api/agencies/{code}/stats from it.
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyResource {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    static final int MAX_AT_RISK = 1_000;

    private final AgencyDirectory agencies;
    private final io.dossierpulse.view.CounterView view;
    private final ProcedureCatalog catalog;
    private final InstanceRouter router;
    private final SlaEngine engine;

    AgencyResource(AgencyDirectory agencies, ProcedureCatalog catalog, InstanceRouter router, SlaEngine engine,
            io.dossierpulse.view.CounterView view) {
        this.view = view;
        this.agencies = agencies;
        this.catalog = catalog;
        this.router = router;
        this.engine = engine;
    }

    /** An agency of the directory, with the dates it exists (both inclusive; no end: still exists). */
    public record AgencyEntry(String code, String name, String level, String parentCode, LocalDate validFrom,
            LocalDate validTo) {
    }

    /** One procedure's figures under an agency; {@code counts} per measure, in the stored order. */
    public record ProcedureFigures(String procedureCode, String name, long received, long resolved, long open,
            Indicators indicators, long[] counts) {
    }

    public record ProcedureBoard(String agencyCode, LocalDate from, LocalDate to, List<ProcedureFigures> procedures) {
    }

    public record AtRiskList(String agencyCode, List<OverdueResource.OverdueDossier> dossiers) {
    }

    @GET
    @Path("/agencies")
    @Operation(summary = "The agency directory: every agency with its name, level, parent and dates, or those active on a date")
    public List<AgencyEntry> list(@QueryParam("date") String date) {
        LocalDate on = date == null || date.isBlank() ? null : DateRange.parse(date, date).from();
        List<AgencyEntry> out = new ArrayList<>();
        for (Agency a : agencies.all()) {
            if (on == null || a.isActiveOn(on)) {
                out.add(new AgencyEntry(a.code(), a.name(), a.level().name(), a.parentCode(), a.validFrom(), a.validTo()));
            }
        }
        return out;
    }

    @GET
    @Path("/agencies/{code}/procedures")
    @Operation(summary = "Figures per procedure of the dossiers received by an agency and those under it, most received first")
    @io.smallrye.common.annotation.Blocking // RocksDB reads and the merge of every instance's part
    public Uni<ProcedureBoard> procedures(@PathParam("code") String code, @QueryParam("from") String from,
            @QueryParam("to") String to, @HeaderParam(InstanceRouter.FORWARDED_HEADER) String forwardedMark) {
        boolean forwarded = router.forwardedByInstance(forwardedMark);
        DateRange r = DateRange.parse(from, to);
        // Read by the period rule, as the agencies' figures: the open stock at the period's end.
        // An agency ended by the period's end also counts under the one holding its dossiers then, as
        // the agencies' figures do (CounterView.toHolders).
        Map<String, Tally> local = StoreQueries.periodByProcedure(router.streams(),
                (agency, day) -> agencies.isWithinAsCounted(agency, code, day) || heldWithin(agency, code, r.to()),
                null, r.from(), r.to(), view.store().firstKeptDate(), view.today());
        if (forwarded) {
            return Uni.createFrom().item(board(code, r, local));
        }
        return router.gather(local, "/api/agencies/" + InstanceRouter.segment(code) + "/procedures?from=" + r.from()
                + "&to=" + r.to(), AgencyResource::parseTallies).map(parts -> {
                    Map<String, Tally> sum = new TreeMap<>();
                    parts.forEach(p -> p.forEach((k, v) -> sum.computeIfAbsent(k, x -> new Tally()).merge(v)));
                    return board(code, r, sum);
                });
    }

    @GET
    @Path("/agencies/{code}/at-risk")
    @Operation(summary = "Open dossiers of an agency and those under it announced at risk and not yet overdue, soonest due first")
    @io.smallrye.common.annotation.Blocking // reads the whole dossier store of every instance
    public Uni<AtRiskList> atRisk(@PathParam("code") String code, @QueryParam("procedure") String procedure,
            @QueryParam("size") @DefaultValue("50") int size,
            @HeaderParam(InstanceRouter.FORWARDED_HEADER) String forwardedMark) {
        if (size < 1 || size > MAX_AT_RISK) {
            throw new BadRequestException("size must be between 1 and " + MAX_AT_RISK);
        }
        boolean forwarded = router.forwardedByInstance(forwardedMark);
        Instant now = Instant.now();
        List<OverdueResource.OverdueDossier> local = new ArrayList<>();
        for (var s : StoreQueries.atRisk(router.streams(), s -> OverdueResource.within(agencies, code, procedure, s))) {
            if (local.size() == size) {
                break;
            }
            local.add(OverdueResource.OverdueDossier.of(s, now, engine));
        }
        if (forwarded) {
            return Uni.createFrom().item(new AtRiskList(code, local));
        }
        return router.gather(local, "/api/agencies/" + InstanceRouter.segment(code) + "/at-risk?size=" + size
                + (procedure == null ? "" : "&procedure=" + InstanceRouter.segment(procedure)), AgencyResource::parseList)
                .map(parts -> {
                    List<OverdueResource.OverdueDossier> all = new ArrayList<>();
                    parts.forEach(all::addAll);
                    all.sort(OverdueResource.MOST_OVERDUE_FIRST);
                    return new AtRiskList(code, List.copyOf(all.subList(0, Math.min(size, all.size()))));
                });
    }

    /** Whether an agency ended by {@code end} has its dossiers held then by {@code scope} or an agency within it. */
    private boolean heldWithin(String agency, String scope, java.time.LocalDate end) {
        Agency holder = agencies.holderAfterEnd(agency, end);
        return holder != null && agencies.isWithin(holder.code(), scope, end);
    }

    private ProcedureBoard board(String code, DateRange r, Map<String, Tally> byProcedure) {
        List<ProcedureFigures> rows = new ArrayList<>();
        byProcedure.forEach((p, t) -> {
            Procedure known = catalog.byCode(p);
            rows.add(new ProcedureFigures(p, known == null ? null : known.name(), t.received(), t.resolved(), t.open(),
                    Indicators.of(t), t.toArray()));
        });
        rows.sort(java.util.Comparator.comparingLong(ProcedureFigures::received).reversed()
                .thenComparing(ProcedureFigures::procedureCode));
        return new ProcedureBoard(code, r.from(), r.to(), rows);
    }

    private static Map<String, Tally> parseTallies(String body) {
        try {
            Map<String, Tally> out = new LinkedHashMap<>();
            for (ProcedureFigures f : JSON.readValue(body, ProcedureBoard.class).procedures()) {
                out.put(f.procedureCode(), Tally.of(f.counts()));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer from another instance", e);
        }
    }

    private static List<OverdueResource.OverdueDossier> parseList(String body) {
        try {
            return JSON.readValue(body, AtRiskList.class).dossiers();
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer from another instance", e);
        }
    }
}
