package io.dossierpulse.perf.stage;

import io.dossierpulse.perf.probe.ResourceUsage;
import java.util.List;

/**
 * One stage's measurement.
 *
 * @param name          consume, floor or full
 * @param events        records processed (the whole input topic)
 * @param seconds       from the start of the stage (client created, application started) to the last
 *                      record processed (consume) or committed (Streams)
 * @param startupSeconds from the start to the first record processed or committed: group join, task
 *                      and store initialisation
 * @param usage         where the CPU went
 * @param notes         what the stage wrote, counters of the pipeline and such
 * @param expected      records in the input topic; {@code events < expected} when the stage was stopped
 *                      at its time limit
 * @param tenths        events per second in each tenth of the stage's duration, to show a rate that
 *                      changes as the stores grow (empty when not sampled)
 */
public record StageResult(String name, long events, double seconds, double startupSeconds, ResourceUsage.Delta usage,
        List<String> notes, long expected, List<Double> tenths) {

    public boolean complete() {
        return events >= expected;
    }

    public double eventsPerSecond() {
        return events / seconds;
    }

    /** The rate once records flow: excludes group join and store initialisation. */
    public double flowingEventsPerSecond() {
        return seconds > startupSeconds ? events / (seconds - startupSeconds) : 0;
    }
}
