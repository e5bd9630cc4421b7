package io.dossierpulse.api;

import io.dossierpulse.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.dossierpulse.domain.calendar.CalendarDay;
import io.dossierpulse.domain.calendar.WorkingCalendar;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = io.dossierpulse.api.OpenApiTags.REFERENCE)
@Path("/api/calendar")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    private final WorkingCalendar calendar;

    CalendarResource(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    public record NonWorkingDay(String date, String kind, String reason) {
    }

    public record Year(int year, List<NonWorkingDay> nonWorkingDays, List<String> workingWeekendDays) {
    }

    @GET
    @Path("/{year}")
    @Operation(summary = "Holidays, compensatory and scheduled days off, and make-up working days of a year")
    public Year year(@PathParam("year") String yearText) {
        int year;
        try {
            year = Integer.parseInt(yearText);
        } catch (NumberFormatException e) {
            throw new BadRequestException("year must be a number, got '" + yearText + "'");
        }
        if (year < WorkingCalendar.MIN_YEAR || year > WorkingCalendar.MAX_YEAR) {
            throw new BadRequestException("year must be between " + WorkingCalendar.MIN_YEAR + " and "
                    + WorkingCalendar.MAX_YEAR + ", got " + year);
        }
        List<NonWorkingDay> off = calendar.nonWorkingDays(year).stream()
                .map(d -> new NonWorkingDay(d.date().toString(), d.kind().name(), d.reason())).toList();
        List<String> worked = calendar.workingWeekendDays(year).stream().map(CalendarDay::date).map(Object::toString)
                .toList();
        return new Year(year, off, worked);
    }
}
