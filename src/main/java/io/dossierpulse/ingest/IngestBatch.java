package io.dossierpulse.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The events of one ingest request on their way to the broker. Lines are decoded first (fast, in
 * memory), then published one by one; the answer is due at one deadline counted from the request's
 * arrival, whether the time went into waiting for metadata, for buffer room or for acknowledgements.
 * An event not acknowledged by then is reported so; the client posts it again and a copy that got
 * through meanwhile is a harmless duplicate.
 */
final class IngestBatch {

    static final int MAX_ERRORS = 1000;
    private static final long NOT_YET = 0;

    private final List<IngestAnswer.LineError> errors = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final List<byte[]> events = new ArrayList<>();
    private final List<CompletableFuture<Void>> acks = new ArrayList<>();
    private final CompletableFuture<Void> published = new CompletableFuture<>();
    private final long deadlineNanos;
    private final long deadlineMillis;
    private int errorCount;

    IngestBatch(long deadlineNanos, long deadlineMillis) {
        this.deadlineNanos = deadlineNanos;
        this.deadlineMillis = deadlineMillis;
    }

    void error(int line, String code, String reason) {
        errorCount++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(new IngestAnswer.LineError(line, code, reason));
        }
    }

    void toPublish(int line, String dossierId, byte[] event) {
        lines.add(line);
        keys.add(dossierId);
        events.add(event);
        acks.add(new CompletableFuture<>());
    }

    boolean hasEvents() {
        return !acks.isEmpty();
    }

    /**
     * Hands the events to the producer in line order, on a worker thread (a send may block); stops at
     * the deadline, since what is not sent by then is reported unacknowledged anyway.
     */
    void publishAll(EventPublisher publisher) {
        publishAll(publisher::publish);
    }

    /** Where a batch's records go: a key and a value in, the broker's acknowledgement out. */
    interface Send {
        CompletableFuture<Void> send(String key, byte[] value);
    }

    void publishAll(Send publisher) {
        try {
            for (int i = 0; i < acks.size() && System.nanoTime() - deadlineNanos < NOT_YET; i++) {
                CompletableFuture<Void> ack = acks.get(i);
                publisher.send(keys.get(i), events.get(i)).whenComplete((ok, e) -> {
                    if (e == null) {
                        ack.complete(null);
                    } else {
                        ack.completeExceptionally(e);
                    }
                });
                events.set(i, null); // the producer holds its own copy now
            }
        } finally {
            published.complete(null);
        }
    }

    /** Completes once every event is acknowledged or refused, or at the deadline, whichever comes first. */
    CompletableFuture<IngestAnswer> answer() {
        long remainingMs = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
        CompletableFuture<?>[] waits = new CompletableFuture<?>[acks.size() + 1];
        for (int i = 0; i < acks.size(); i++) {
            waits[i] = acks.get(i).handle((ok, e) -> null);
        }
        waits[acks.size()] = published;
        return CompletableFuture.allOf(waits)
                .completeOnTimeout(null, remainingMs, TimeUnit.MILLISECONDS)
                .thenApply(done -> tally());
    }

    private synchronized IngestAnswer tally() {
        int accepted = 0;
        for (int i = 0; i < acks.size(); i++) {
            CompletableFuture<Void> a = acks.get(i);
            if (!a.isDone()) {
                error(lines.get(i), "BROKER_UNAVAILABLE", "not acknowledged by Kafka within "
                        + deadlineMillis / 1000.0 + " s; post it again");
            } else if (a.isCompletedExceptionally()) {
                Throwable cause = a.handle((ok, e) -> e.getCause() != null ? e.getCause() : e).join();
                if (cause instanceof org.apache.kafka.common.errors.AuthorizationException) {
                    // An operator's matter, not the client's: say which authorization Kafka refused.
                    error(lines.get(i), "KAFKA_NOT_AUTHORIZED", "Kafka refused the service's principal: "
                            + cause.getMessage() + " (the ACLs are listed in docs/security.md)");
                } else {
                    error(lines.get(i), "BROKER_UNAVAILABLE", "not acknowledged by Kafka: " + cause);
                }
            } else {
                accepted++;
            }
        }
        errors.sort((x, y) -> Integer.compare(x.line(), y.line()));
        return new IngestAnswer(accepted, errorCount, List.copyOf(errors), errorCount > errors.size());
    }
}
