package io.dossierpulse.streams;

import io.dossierpulse.domain.indicators.Tally;

/**
 * Receives a task's partial counters of one local date and agency (the full current value, summed
 * over procedures) so that a serving view can answer without asking other instances.
 */
@FunctionalInterface
public interface CounterPublisher {

    CounterPublisher NONE = (partition, epochDay, agencyCode, partial) -> { };

    void publish(int partition, long epochDay, String agencyCode, Tally partial);
}
