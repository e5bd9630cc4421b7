package io.dossierpulse.api;

import io.dossierpulse.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.dossier.DossierLedger;
import io.dossierpulse.domain.dossier.DossierState;
import io.dossierpulse.domain.sla.SlaEngine;
import io.dossierpulse.streams.StoreQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Open overdue dossiers of an agency (and of the agencies under it), most overdue first. The list
 * lives in the stream tasks' stores, spread over instances: each instance answers for its own
 * partitions and the one asked merges the answers.
 */
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = io.dossierpulse.api.OpenApiTags.DOSSIERS)
@Path("/api/agencies/{code}/overdue")
@Produces(MediaType.APPLICATION_JSON)
public class OverdueResource {

    private static final ZoneOffset VIETNAM = io.dossierpulse.domain.calendar.WorkingCalendar.OFFSET;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InstanceRouter router;
    private final AgencyDirectory agencies;
    private final SlaEngine engine;

    OverdueResource(InstanceRouter router, AgencyDirectory agencies, SlaEngine engine) {
        this.router = router;
        this.agencies = agencies;
        this.engine = engine;
    }

    /**
     * An open dossier past (or, in the at-risk list, near) its due. {@code apologyIssued}: the
     * agency issued its apology with a new appointment ({@code reappointedDueAt});
     * {@code reappointmentMissed}: that new appointment has passed too.
     */
    public record OverdueDossier(String dossierId, String agencyCode, String currentAgencyCode, String procedureCode,
            int status, String dueAt, long overdueWorkingMinutes, boolean apologyIssued, String reappointedDueAt,
            boolean reappointmentMissed) {

        static OverdueDossier of(DossierState s, Instant now, SlaEngine engine) {
            Instant re = s.clock().reappointedDueAsOf(now, engine);
            return new OverdueDossier(s.dossierId(), s.receivingAgencyCode(), s.currentAgencyCode(),
                    s.procedureCode(), s.status().code(), iso(s.clock().dueAt()),
                    s.clock().overdueWorkingSeconds(now, engine) / 60, re != null, re == null ? null : iso(re),
                    s.clock().reappointmentMissed(now, engine));
        }

        private static String iso(Instant at) {
            return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(VIETNAM));
        }
    }

    public record Page(String agencyCode, int page, int size, List<OverdueDossier> dossiers) {
    }

    static final int MAX_PAGE_SIZE = 1_000;
    static final int MAX_WINDOW = 10_000;

    @GET
    @Operation(summary = "Open overdue dossiers of an agency and the agencies under it, most overdue first, paged")
    @io.smallrye.common.annotation.Blocking // RocksDB reads and the merge of every instance's part
    public Uni<Page> overdue(@PathParam("code") String code, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size, @QueryParam("procedure") String procedure,
            @HeaderParam(InstanceRouter.FORWARDED_HEADER) String forwardedMark) {
        boolean forwarded = router.forwardedByInstance(forwardedMark);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        // Every instance sends its first (page + 1) × size: bounded, and computed in long so it cannot overflow.
        if ((page + 1L) * size > MAX_WINDOW) {
            throw new BadRequestException("at most the first " + MAX_WINDOW + " overdue dossiers can be paged through");
        }
        int wanted = (page + 1) * size;
        List<OverdueDossier> local = local(code, procedure, wanted);
        if (forwarded) {
            return Uni.createFrom().item(new Page(code, 0, wanted, local));
        }
        return router.gather(local, "/api/agencies/" + InstanceRouter.segment(code) + "/overdue?page=0&size=" + wanted
                + (procedure == null ? "" : "&procedure=" + InstanceRouter.segment(procedure)),
                OverdueResource::parse).map(lists -> {
            List<OverdueDossier> all = new ArrayList<>();
            lists.forEach(all::addAll);
            all.sort(MOST_OVERDUE_FIRST);
            int from = Math.min(page * size, all.size());
            return new Page(code, page, size, List.copyOf(all.subList(from, Math.min(from + size, all.size()))));
        });
    }

    /** Earliest due first: most overdue in the overdue list, soonest due in the at-risk one. */
    static final Comparator<OverdueDossier> MOST_OVERDUE_FIRST = Comparator
            .comparing(OverdueDossier::dueAt, Comparator.comparing(s -> OffsetDateTime.parse(s).toInstant()))
            .thenComparing(OverdueDossier::dossierId);

    private List<OverdueDossier> local(String code, String procedure, int limit) {
        Instant now = Instant.now();
        List<OverdueDossier> out = new ArrayList<>();
        for (DossierState s : StoreQueries.overdue(router.streams(), s -> within(agencies, code, procedure, s))) {
            out.add(OverdueDossier.of(s, now, engine));
        }
        // The composite store iterates partition by partition: order the union here.
        out.sort(MOST_OVERDUE_FIRST);
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /**
     * Whether a dossier belongs to an agency's drill-down: received there or under it, in the
     * hierarchy as it was when the dossier was accepted (agencies merge and disappear), and of the
     * procedure when one is given ({@link DossierLedger#UNREGISTERED}: of any procedure the catalog
     * does not know, as the counters bucket them).
     */
    static boolean within(AgencyDirectory agencies, String code, String procedure, DossierState s) {
        boolean ofProcedure = procedure == null || (procedure.equals(DossierLedger.UNREGISTERED)
                ? !s.has(DossierState.Flag.REGISTERED) : procedure.equals(s.procedureCode()));
        return ofProcedure && agencies.isWithin(s.receivingAgencyCode(),
                code, s.clock().clockStart().atOffset(VIETNAM).toLocalDate());
    }

    private static List<OverdueDossier> parse(String body) {
        try {
            return JSON.readValue(body, Page.class).dossiers();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable answer from another instance", e);
        }
    }
}
