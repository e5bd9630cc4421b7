package io.dossierpulse.streams;

/**
 * How many records of an input partition are still unread by this instance's consumer: a task
 * follows the wall clock only once it is caught up, never while its backlog is unread.
 */
@FunctionalInterface
public interface InputLag {

    /** Always caught up: for tests that drive the topology directly. */
    InputLag NONE = partition -> 0;

    /** The lag of the partition, or -1 when unknown (not fetched yet, or not assigned here). */
    long lag(int partition);
}
