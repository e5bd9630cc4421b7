package io.dossierpulse.streams;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the Kafka Streams exception handlers did, counted process-wide: Kafka Streams builds the
 * handlers itself, outside the application's wiring, so they count here and {@link PipelineMetrics}
 * publishes the counts as {@code pulse_stream_errors_handled_total}.
 */
public enum HandledFailures {
    /** A record whose processing threw went to the dead-letter topic and the partition went on. */
    PROCESSING_DEAD_LETTERED("processing", "dead_lettered"),
    /** A punctuation threw; the next one runs as scheduled. */
    PROCESSING_RESUMED("processing", "resumed"),
    /** Kafka's own fencing or migration: handed back to Kafka Streams, which revives the task. */
    PROCESSING_FAILED("processing", "failed"),
    /** A dead letter the broker refused as too large went out cut shorter. */
    PRODUCTION_DEAD_LETTERED("production", "dead_lettered"),
    PRODUCTION_RETRIED("production", "retried"),
    PRODUCTION_FAILED("production", "failed");

    private static final AtomicLongArray COUNTS = new AtomicLongArray(values().length);

    final String handler;
    final String outcome;

    HandledFailures(String handler, String outcome) {
        this.handler = handler;
        this.outcome = outcome;
    }

    void count() {
        COUNTS.incrementAndGet(ordinal());
    }

    public long total() {
        return COUNTS.get(ordinal());
    }
}
