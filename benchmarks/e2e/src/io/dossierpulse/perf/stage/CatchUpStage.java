package io.dossierpulse.perf.stage;

import io.dossierpulse.perf.probe.MetricsScrape;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The first start of the service on the preloaded topic: from the launch until every preloaded
 * event is applied, read from the service's own counter (pulse_events_applied_total, all types).
 */
public final class CatchUpStage {

    private static final long POLL_MILLIS = 500;
    private static final long PROGRESS_NANOS = 10_000_000_000L;

    /**
     * @param readySeconds       from the launch to /q/health/ready UP
     * @param firstAppliedSeconds from the launch to the first scrape showing an applied event
     * @param seconds            from the launch to the scrape showing every event applied
     * @param eventsPerSecond    events over the time from the first applied to the last
     * @param rejected           records sent to the dead-letter topic (0 expected)
     * @param duplicates         events dropped as duplicates (0 expected)
     * @param openDossiers       pulse_dossiers_open, summed over statuses
     * @param slaEvents          SLA events announced (0 expected: every deadline is days ahead)
     */
    public record Result(long events, double readySeconds, double firstAppliedSeconds, double seconds,
            double eventsPerSecond, double rejected, double duplicates, double openDossiers, double slaEvents) {
    }

    private CatchUpStage() {
    }

    public static Result run(ServiceChild child, long events, long timeoutSeconds, PrintStream out) throws Exception {
        long launched = child.startedNanos();
        long deadline = launched + timeoutSeconds * 1_000_000_000L;
        long ready = -1;
        long firstApplied = -1;
        long lastReport = System.nanoTime();
        long lastReportApplied = 0;
        while (true) {
            if (!child.alive()) {
                throw new IllegalStateException("the service exited during the catch-up:\n" + child.tail(40));
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException("the service had not applied the " + events + " events after "
                        + timeoutSeconds + " s (--catchup-timeout); log " + child.log());
            }
            if (ready < 0) {
                HttpResponse<String> r = child.get("/q/health/ready", Duration.ofSeconds(2));
                if (r != null && r.statusCode() == 200) {
                    ready = System.nanoTime();
                }
            }
            MetricsScrape m = MetricsScrape.of(child);
            if (m != null) {
                long applied = (long) m.sum("pulse_events_applied_total");
                double rejected = m.sum("pulse_events_rejected_total");
                now = System.nanoTime();
                if (applied > 0 && firstApplied < 0) {
                    firstApplied = now;
                }
                if (applied >= events) {
                    double flowing = firstApplied < now ? (now - firstApplied) / 1e9 : Double.NaN;
                    return new Result(events, seconds(launched, ready), seconds(launched, firstApplied),
                            seconds(launched, now), events / flowing, rejected, m.sum("pulse_events_duplicates_total"),
                            m.sum("pulse_dossiers_open"), m.sum("pulse_sla_events_total"));
                }
                if (rejected > 0) {
                    throw new IllegalStateException(String.format("the service sent %.0f preloaded events to the"
                            + " dead-letter topic: the preload does not follow the contract; log %s", rejected,
                            child.log()));
                }
                if (now - lastReport >= PROGRESS_NANOS) {
                    out.printf("  catch-up: %,d of %,d events applied (%.1f%%), %,.0f events/s over the last %.0f s%n",
                            applied, events, 100.0 * applied / events,
                            (applied - lastReportApplied) / ((now - lastReport) / 1e9), (now - lastReport) / 1e9);
                    lastReport = now;
                    lastReportApplied = applied;
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static double seconds(long from, long to) {
        return to < 0 ? Double.NaN : (to - from) / 1e9;
    }
}
