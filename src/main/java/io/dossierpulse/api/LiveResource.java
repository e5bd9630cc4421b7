package io.dossierpulse.api;

import io.dossierpulse.domain.calendar.WorkingCalendar;
import io.dossierpulse.domain.indicators.Measure;
import io.dossierpulse.domain.indicators.Tally;
import io.dossierpulse.domain.sla.SlaEventType;
import io.dossierpulse.live.HourlyDeltas;
import io.dossierpulse.live.SlaTrend;
import io.dossierpulse.security.Roles;
import io.dossierpulse.view.CounterView;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What the operations center shows live: one stream of figures and SLA events, and the trends. */
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = io.dossierpulse.api.OpenApiTags.SLA)
@Path("/api/live")
public class LiveResource {

    static final int MAX_DAYS = 60;
    static final int MAX_HOURS = 48;

    private final SlaEventFeed feed;
    private final LiveCity city;
    private final CounterView view;

    LiveResource(SlaEventFeed feed, LiveCity city, CounterView view) {
        this.feed = feed;
        this.city = city;
        this.view = view;
    }

    /** One hour of the trend; received and resolved as this instance saw the counters grow. */
    public record HourPoint(OffsetDateTime hour, long received, long resolved, long resolvedLate, long atRisk,
            long breached) {
    }

    /** One local date of the trend, from the counters (received, resolved, late) and the announcements. */
    public record DayPoint(LocalDate date, long received, long resolved, long resolvedLate, long atRisk,
            long breached) {
    }

    public record Trends(List<HourPoint> hours, List<DayPoint> days) {
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The city's figures of today (event kpis, when they change) and the SLA events (event sla, "
            + "with ids; the latest 100 first; Last-Event-ID resumes; reset when the resume point is gone)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "server-sent events kpis, sla and reset", content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/event-stream", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public Multi<OutboundSseEvent> stream(@Context HttpServerRequest request, @Context Sse sse,
            @HeaderParam("Last-Event-ID") String lastEventId) {
        return SlaEventResource.open(feed, request, sse, new LiveStream(feed.ring(), lastEventId, true, city::latest));
    }

    @GET
    @Path("/trends")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Received, resolved, resolved late, at-risk and breached per hour (latest hours) and per day")
    public Trends trends(@QueryParam("hours") @DefaultValue("24") int hours, @QueryParam("days") @DefaultValue("14") int days) {
        if (hours < 1 || hours > MAX_HOURS || days < 1 || days > MAX_DAYS) {
            throw new BadRequestException("hours must be 1-" + MAX_HOURS + " and days 1-" + MAX_DAYS);
        }
        SlaTrend sla = feed.trend();
        HourlyDeltas seen = city.hourly();
        long current = SlaTrend.localHour(Instant.now());
        List<HourPoint> hourPoints = new ArrayList<>(hours);
        for (long h = current - hours + 1; h <= current; h++) {
            OffsetDateTime at = LocalDateTime.ofEpochSecond(h * 3600, 0, java.time.ZoneOffset.UTC)
                    .atOffset(WorkingCalendar.OFFSET);
            hourPoints.add(new HourPoint(at, seen.received(h), seen.resolved(h), sla.inHour(SlaEventType.RESOLVED_LATE, h),
                    sla.inHour(SlaEventType.AT_RISK, h), sla.inHour(SlaEventType.BREACHED, h)));
        }
        LocalDate today = view.today();
        List<DayPoint> dayPoints = new ArrayList<>(days);
        for (LocalDate d = today.minusDays(days - 1L); !d.isAfter(today); d = d.plusDays(1)) {
            Tally t = view.total(d, d);
            dayPoints.add(new DayPoint(d, t.received(), t.resolved(), t.get(Measure.RESOLVED_LATE),
                    sla.onDate(SlaEventType.AT_RISK, d), sla.onDate(SlaEventType.BREACHED, d)));
        }
        return new Trends(hourPoints, dayPoints);
    }
}
