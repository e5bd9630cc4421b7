package io.dossierpulse.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossierpulse.domain.indicators.Indicators;
import io.dossierpulse.domain.indicators.Measure;
import io.dossierpulse.domain.indicators.Tally;
import io.dossierpulse.domain.sla.SlaEventType;
import io.dossierpulse.live.HourlyDeltas;
import io.dossierpulse.live.SlaTrend;
import io.dossierpulse.view.CounterView;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The city's live figures of today, computed once per {@link #PERIOD_SECONDS} for every subscriber
 * (no client polls the view), and the sampler behind the hourly received and resolved trend.
 */
@ApplicationScoped
public class LiveCity {

    static final int PERIOD_SECONDS = 2;
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** What the operations center shows at the top, for today (local date). */
    public record Kpis(LocalDate date, long received, long receivedOnline, long resolved, long resolvedLate,
            long open, long openOverdue, long apologies, long atRisk, long breached, Indicators indicators) {
    }

    private final CounterView view;
    private final SlaEventFeed feed;
    private final java.util.concurrent.atomic.AtomicLong sourceEarlier = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong sourceLater = new java.util.concurrent.atomic.AtomicLong();
    private final HourlyDeltas hourly = new HourlyDeltas(48);
    private ScheduledExecutorService timer;
    private volatile LiveStream.Snapshot latest;
    private String latestJson = "";
    private long version;

    LiveCity(CounterView view, SlaEventFeed feed, io.micrometer.core.instrument.MeterRegistry registry) {
        this.view = view;
        this.feed = feed;
        // The data-quality signal of issue 12: source appointments off the legal due, city-wide, today.
        for (var e : java.util.Map.of("earlier", sourceEarlier, "later", sourceLater).entrySet()) {
            io.micrometer.core.instrument.Gauge.builder("pulse.source.appointments", e.getValue(),
                    java.util.concurrent.atomic.AtomicLong::get).tag("comparison", e.getKey())
                    .description("Dossiers counted today whose source appointment falls on another date than the legal due")
                    .register(registry);
        }
    }

    void start(@Observes StartupEvent ev) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-city");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::refresh, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void refresh() {
        try {
            Instant now = Instant.now();
            LocalDate today = view.today();
            Tally t = view.period(today, today);
            hourly.sample(SlaTrend.localHour(now), today.toEpochDay(), t.received(), t.resolved());
            sourceEarlier.set(t.get(Measure.SOURCE_DUE_EARLIER));
            sourceLater.set(t.get(Measure.SOURCE_DUE_LATER));
            SlaTrend trend = feed.trend();
            Kpis k = new Kpis(today, t.received(), t.get(Measure.RECEIVED_ONLINE), t.resolved(),
                    t.get(Measure.RESOLVED_LATE), t.open(), t.get(Measure.OPEN_OVERDUE), t.get(Measure.APOLOGIES),
                    trend.onDate(SlaEventType.AT_RISK, today), trend.onDate(SlaEventType.BREACHED, today),
                    Indicators.of(t));
            String json = JSON.writeValueAsString(k);
            if (!json.equals(latestJson)) {
                latestJson = json;
                latest = new LiveStream.Snapshot(++version, json);
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // The view may not be ready yet at start; the next period tries again.
            org.jboss.logging.Logger.getLogger(LiveCity.class).debugf("live figures not computed: %s", e);
        }
    }

    /** The latest figures, or null before the first were computed. */
    LiveStream.Snapshot latest() {
        return latest;
    }

    /** Received and resolved per local hour as this instance saw them. */
    HourlyDeltas hourly() {
        return hourly;
    }
}
