package io.dossierpulse.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.contract.EventCodec;
import io.dossierpulse.domain.DossierEvent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * With the broker away, {@code POST /api/events} answers within its deadline: 503 with each event
 * reported as not acknowledged, rather than holding the client for the producer's delivery timeout.
 */
@Tag("faults")
class IngestDeadlineIT {

    @Test
    void noAcknowledgementWithinTheDeadlineIsA503() throws Exception {
        FaultTraffic traffic = new FaultTraffic("ID", 30, Duration.ofMinutes(1));
        List<DossierEvent> events = traffic.events();
        try (FaultRig rig = new FaultRig("ingest-deadline").with("pulse.ingest.answer-deadline", "2S").startBroker()
                .createTopics((short) 1)) {
            rig.start(0);
            assertEquals(200, post(rig, events.subList(0, 10)).statusCode());
            rig.stopBroker();
            long t0 = System.nanoTime();
            HttpResponse<String> away = post(rig, events.subList(10, 20));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(503, away.statusCode(), away.body());
            assertTrue(away.body().contains("BROKER_UNAVAILABLE") && away.body().contains("\"accepted\":0"), away.body());
            rig.startBroker(); // the same directory and ports
            // Posted again once the broker is back: answered 200 (any copy that got through meanwhile is a duplicate).
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int status = 0;
            while (status != 200 && System.nanoTime() < until) {
                status = post(rig, events.subList(10, 20)).statusCode();
            }
            assertEquals(200, status);
            FaultRig.report("broker away during POST /api/events (answer deadline 2 s)", 1, 20,
                    "503, every event reported not acknowledged; 200 when posted again", ms + " ms to answer");
        }
    }

    private static HttpResponse<String> post(FaultRig rig, List<DossierEvent> events) throws Exception {
        EventCodec codec = new EventCodec();
        StringBuilder body = new StringBuilder();
        for (DossierEvent e : events) {
            body.append(new String(codec.encode(e), StandardCharsets.UTF_8)).append('\n');
        }
        return rig.instance(0).post("/api/events", "application/x-ndjson", body.toString());
    }
}
