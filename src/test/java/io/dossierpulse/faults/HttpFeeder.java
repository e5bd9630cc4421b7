package io.dossierpulse.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.support.ServiceProcess;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts the traffic to {@code POST /api/events} in NDJSON batches, in order, on its own thread. A
 * batch not answered 200 with every line accepted is posted again (the events carry their seqs, so
 * a second copy is a duplicate the ledger drops): every event is in the end answered 200.
 */
final class HttpFeeder implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile int answered;
    private volatile int retries;
    private volatile long slowestAnswerMs;

    HttpFeeder(ServiceProcess api, List<DossierEvent> events, int batchSize, int perSecond) {
        EventCodec codec = new EventCodec();
        thread = new Thread(() -> {
            long started = System.nanoTime();
            try {
                for (int from = 0; from < events.size(); from += batchSize) {
                    List<DossierEvent> batch = events.subList(from, Math.min(events.size(), from + batchSize));
                    StringBuilder body = new StringBuilder();
                    for (DossierEvent e : batch) {
                        body.append(new String(codec.encode(e), StandardCharsets.UTF_8)).append('\n');
                    }
                    while (true) {
                        long t0 = System.nanoTime();
                        boolean ok = accepted(api, body.toString(), batch.size());
                        slowestAnswerMs = Math.max(slowestAnswerMs, (System.nanoTime() - t0) / 1_000_000);
                        if (ok) {
                            break;
                        }
                        retries++;
                        Thread.sleep(500);
                    }
                    answered = from + batch.size();
                    long wait = started + (long) answered * 1_000_000_000L / perSecond - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "fault-http-feeder");
    }

    private static boolean accepted(ServiceProcess api, String body, int lines) throws InterruptedException {
        try {
            HttpResponse<String> r = api.post("/api/events", "application/x-ndjson", body);
            if (r.statusCode() != 200) {
                return false;
            }
            JsonNode answer = JSON.readTree(r.body());
            return answer.get("accepted").asInt() == lines;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    HttpFeeder start() {
        thread.start();
        return this;
    }

    int answered() {
        return answered;
    }

    int retries() {
        return retries;
    }

    /** The longest a request waited for its answer. */
    long slowestAnswerMs() {
        return slowestAnswerMs;
    }

    void awaitAnswered(int events, java.time.Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        if (failure.get() != null) {
            throw new AssertionError("the HTTP feeder failed", failure.get());
        }
        if (thread.isAlive() || answered != events) {
            throw new AssertionError("answered 200 for " + answered + " of " + events + " events");
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(10_000);
    }
}
