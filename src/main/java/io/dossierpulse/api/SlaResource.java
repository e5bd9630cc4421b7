package io.dossierpulse.api;

import io.dossierpulse.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.dossierpulse.domain.calendar.WorkingCalendar;
import io.dossierpulse.domain.catalog.Procedure;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.sla.Due;
import io.dossierpulse.domain.sla.LimitUnit;
import io.dossierpulse.domain.sla.SlaEngine;
import io.dossierpulse.domain.sla.SlaLimit;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The due-date calculator one-stop desks print appointment slips with (phiếu hẹn trả kết quả).
 * Same engine as the live tracking, so a slip and the dashboard never disagree.
 */
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = io.dossierpulse.api.OpenApiTags.SLA)
@Path("/api/sla")
@Produces(MediaType.APPLICATION_JSON)
public class SlaResource {

    private final SlaEngine engine;
    private final ProcedureCatalog catalog;

    SlaResource(SlaEngine engine, ProcedureCatalog catalog) {
        this.engine = engine;
        this.catalog = catalog;
    }

    /** The answer; instants in +07:00. */
    public record DueAnswer(OffsetDateTime acceptedAt, OffsetDateTime clockStart, OffsetDateTime dueAt, int limit,
            LimitUnit unit, String cutoff, String procedureCode, long workingMinutes) {
    }

    @GET
    @Path("/due")
    @Operation(summary = "Clock start and due instant for an acceptance, by limit or by procedure code")
    public DueAnswer due(@QueryParam("acceptedAt") String acceptedAt, @QueryParam("limit") String limit,
            @QueryParam("unit") String unit, @QueryParam("cutoff") String cutoff,
            @QueryParam("procedureCode") String procedureCode) {
        OffsetDateTime accepted = parseInstant(acceptedAt);
        SlaLimit sla;
        if (procedureCode != null && !procedureCode.isBlank()) {
            if (limit != null || unit != null || cutoff != null) {
                throw new BadRequestException("give either procedureCode or limit/unit/cutoff, not both");
            }
            Procedure p = catalog.byCode(procedureCode);
            if (p == null) {
                throw new BadRequestException("unknown procedureCode '" + procedureCode + "'; see GET /api/procedures");
            }
            sla = p.limit();
        } else {
            sla = parseLimit(limit, unit, cutoff);
        }
        Due due = engine.due(accepted.toInstant(), sla);
        long minutes = engine.calendar().workingSecondsBetween(due.clockStart(), due.dueAt()) / 60;
        return new DueAnswer(accepted, due.clockStart().atOffset(WorkingCalendar.OFFSET),
                due.dueAt().atOffset(WorkingCalendar.OFFSET), sla.amount(), sla.unit(),
                sla.cutoff() == null ? null : sla.cutoff().toString(), procedureCode, minutes);
    }

    static OffsetDateTime parseInstant(String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("acceptedAt is required, e.g. acceptedAt=2025-03-12T10:00:00%2B07:00");
        }
        // An unencoded '+' in a query string arrives as a space.
        String v = value.trim().replace(' ', '+');
        try {
            OffsetDateTime t = OffsetDateTime.parse(v);
            if (t.getYear() < WorkingCalendar.MIN_YEAR || t.getYear() > WorkingCalendar.MAX_YEAR) {
                throw new BadRequestException("acceptedAt must be between " + WorkingCalendar.MIN_YEAR + " and "
                        + WorkingCalendar.MAX_YEAR);
            }
            return t;
        } catch (DateTimeParseException e) {
            throw new BadRequestException("acceptedAt '" + value
                    + "' is not an ISO-8601 date-time with an offset, e.g. 2025-03-12T10:00:00+07:00");
        }
    }

    static SlaLimit parseLimit(String limit, String unit, String cutoff) {
        if (unit == null || unit.isBlank()) {
            throw new BadRequestException("unit is required (WORKING_DAYS, WORKING_HOURS or SAME_DAY), "
                    + "or give procedureCode");
        }
        LimitUnit u;
        try {
            u = LimitUnit.valueOf(unit.trim());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("unit must be WORKING_DAYS, WORKING_HOURS or SAME_DAY, got '" + unit + "'");
        }
        if (u == LimitUnit.SAME_DAY) {
            LocalTime c = null;
            if (cutoff != null && !cutoff.isBlank()) {
                try {
                    c = LocalTime.parse(cutoff.trim());
                } catch (DateTimeParseException e) {
                    throw new BadRequestException("cutoff must be HH:mm, e.g. 15:00, got '" + cutoff + "'");
                }
            }
            return SlaLimit.sameDay(c);
        }
        if (cutoff != null) {
            throw new BadRequestException("cutoff applies to unit=SAME_DAY only");
        }
        if (limit == null || limit.isBlank()) {
            throw new BadRequestException("limit is required for unit=" + u);
        }
        int n;
        try {
            n = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("limit must be a whole number, got '" + limit + "'");
        }
        int max = u == LimitUnit.WORKING_DAYS ? 3650 : 3650 * 8;
        if (n < 1 || n > max) {
            throw new BadRequestException("limit must be between 1 and " + max + " for unit=" + u + ", got " + n);
        }
        return new SlaLimit(n, u, null);
    }
}
