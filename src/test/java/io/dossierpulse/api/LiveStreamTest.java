package io.dossierpulse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.live.FeedRing;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LiveStreamTest {

    private static FeedRing ring(int capacity, int events) {
        FeedRing ring = new FeedRing(capacity, "run");
        for (int i = 1; i <= events; i++) {
            ring.append("{\"n\":" + i + "}");
        }
        return ring;
    }

    private static List<String> names(List<LiveStream.Message> ms) {
        return ms.stream().map(LiveStream.Message::event).toList();
    }

    @Test
    void aNewPageGetsTheLatestEventsThenOnlyNewOnes() {
        FeedRing ring = ring(1_000, 250);
        LiveStream s = new LiveStream(ring, null, true, null);
        List<LiveStream.Message> first = s.poll();
        assertEquals(LiveStream.BACKLOG, first.size());
        assertEquals("{\"n\":151}", first.get(0).data());
        assertEquals("run-250", first.get(first.size() - 1).id());
        assertTrue(s.poll().isEmpty());
        ring.append("{\"n\":251}");
        assertEquals(List.of("run-251"), s.poll().stream().map(LiveStream.Message::id).toList());
    }

    @Test
    void anApiSubscriberWithoutAnIdStartsFromNow() {
        FeedRing ring = ring(1_000, 50);
        LiveStream s = new LiveStream(ring, null, false, null);
        assertTrue(s.poll().isEmpty());
    }

    @Test
    void aReconnectWithItsLastIdGetsExactlyWhatPassedMeanwhile() {
        FeedRing ring = ring(1_000, 10);
        for (int i = 11; i <= 40; i++) {
            ring.append("{\"n\":" + i + "}");
        }
        LiveStream s = new LiveStream(ring, "run-10", true, null);
        List<LiveStream.Message> got = s.poll();
        assertEquals(30, got.size());
        assertEquals("run-11", got.get(0).id());
        assertEquals("sla", got.get(0).event());
    }

    @Test
    void anUnknownIdOrFallingBehindTheRingResets() {
        FeedRing ring = ring(150, 120);
        List<LiveStream.Message> other = new LiveStream(ring, "earlier-run-5", true, null).poll();
        assertEquals("reset", other.get(0).event());
        assertEquals(1 + LiveStream.BACKLOG, other.size());

        LiveStream slow = new LiveStream(ring, "run-120", true, null);
        for (int i = 0; i < 400; i++) {
            ring.append("{}");
        }
        List<LiveStream.Message> got = slow.poll();
        assertEquals("reset", got.get(0).event());
        assertEquals(1 + LiveStream.BACKLOG, got.size(), "the latest events follow the reset");
        assertEquals("run-520", got.get(got.size() - 1).id());
    }

    @Test
    void figuresAreSentOncePerVersion() {
        FeedRing ring = ring(10, 0);
        AtomicReference<LiveStream.Snapshot> kpis = new AtomicReference<>();
        LiveStream s = new LiveStream(ring, null, true, kpis::get);
        assertTrue(s.poll().isEmpty(), "nothing computed yet");
        kpis.set(new LiveStream.Snapshot(1, "{\"a\":1}"));
        assertEquals(List.of("kpis"), names(s.poll()));
        assertTrue(s.poll().isEmpty());
        kpis.set(new LiveStream.Snapshot(2, "{\"a\":2}"));
        ring.append("{}");
        assertEquals(List.of("sla", "kpis"), names(s.poll()));
    }

    @Test
    void aBurstIsSentInBoundedBatchesWithoutLoss() {
        FeedRing ring = ring(5_000, 0);
        LiveStream s = new LiveStream(ring, null, false, null);
        for (int i = 0; i < 1_700; i++) {
            ring.append("{}");
        }
        int total = 0;
        for (List<LiveStream.Message> b = s.poll(); !b.isEmpty(); b = s.poll()) {
            assertTrue(b.size() <= LiveStream.MAX_PER_TICK);
            total += b.size();
        }
        assertEquals(1_700, total);
    }

    @Test
    void aQuietStreamSendsAKeepAliveComment() {
        LiveStream s = new LiveStream(ring(10, 0), null, false, null);
        for (long i = 1; i < LiveStream.KEEPALIVE_TICKS; i++) {
            assertTrue(s.poll().isEmpty());
        }
        List<LiveStream.Message> got = s.poll();
        assertEquals(1, got.size());
        assertEquals(null, got.get(0).event());
        assertTrue(s.poll().isEmpty(), "then quiet again");
    }
}
