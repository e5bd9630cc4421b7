package io.dossierpulse.perf.load;

import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.generator.GeneratorConfig;
import io.dossierpulse.generator.TrafficGenerator;
import java.io.PrintStream;
import java.time.ZoneOffset;

/**
 * Fills the input topic with generated Hanoi traffic through the service's generator feed, keyed by
 * dossier id as the contract requires: every event lands exactly once and, per dossier, in order.
 * The generator runs on this thread (it is single-threaded by design); the producer's I/O thread and
 * the broker run alongside. The caller checks the topic's end offsets afterwards.
 */
public final class Preloader {

    private static final ZoneOffset HANOI = io.dossierpulse.domain.calendar.WorkingCalendar.OFFSET;
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    /** @param bytesPerEvent the average encoded size, from a sample of the events */
    public record Result(long events, double bytesPerEvent, double seconds, String firstDay, String lastDay,
            int peakOpenDossiers) {
    }

    private Preloader() {
    }

    public static Result run(String bootstrap, String topic, long events, long seed, PrintStream out) {
        TrafficGenerator generator = TrafficGenerator.hanoi(GeneratorConfig.defaults().withSeed(seed));
        String firstDay = null;
        long started = System.nanoTime();
        long lastReport = started;
        long lastReportSent = 0;
        FeedSink sink = new FeedSink(bootstrap, topic);
        try (sink) {
            for (long i = 0; i < events; i++) {
                DossierEvent e = generator.next();
                if (firstDay == null) {
                    firstDay = e.occurredAt().atOffset(HANOI).toLocalDate().toString();
                }
                sink.write(e);
                long now = System.nanoTime();
                if (now - lastReport >= PROGRESS_NANOS) {
                    out.printf("  preload: %,d sent (%.1f%%), %,.0f events/s, simulated %s%n", i + 1,
                            100.0 * (i + 1) / events, (i + 1 - lastReportSent) / ((now - lastReport) / 1e9),
                            generator.simulatedTime().atOffset(HANOI).toLocalDate());
                    lastReport = now;
                    lastReportSent = i + 1;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(sink.written(), sink.bytesPerEvent(), seconds, firstDay,
                generator.simulatedTime().atOffset(HANOI).toLocalDate().toString(), generator.peakOpenDossiers());
    }
}
