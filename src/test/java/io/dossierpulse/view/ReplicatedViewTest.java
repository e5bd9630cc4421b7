package io.dossierpulse.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dossierpulse.domain.indicators.Measure;
import io.dossierpulse.domain.indicators.Tally;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.infinispan.manager.EmbeddedCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two cluster members in one JVM, over JGroups TCP on the loopback address, discovering each other by TCPPING. */
class ReplicatedViewTest {

    private static final Clock NOW = Clock.fixed(OffsetDateTime.parse("2025-03-12T10:00:00+07:00").toInstant(),
            CounterViewStore.ZONE);
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 12);

    private EmbeddedCacheManager a;
    private EmbeddedCacheManager b;

    @AfterEach
    void stop() {
        if (b != null) {
            b.stop();
        }
        if (a != null) {
            a.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static ViewSettings member(String cluster, int port, String hosts) {
        return member(cluster, port, hosts, "view-test-secret");
    }

    private static ViewSettings member(String cluster, int port, String hosts, String secret) {
        return new ViewSettings(ViewMode.REPLICATED, cluster, "127.0.0.1", port, 0, hosts, 400, 10_000, secret);
    }

    @Test
    void whatOneMemberPublishesTheOtherAnswers() throws IOException, InterruptedException {
        int portA = freePort();
        int portB = freePort();
        String hosts = "127.0.0.1[" + portA + "],127.0.0.1[" + portB + "]";
        String cluster = "view-test-" + UUID.randomUUID();

        a = ViewCaches.start(member(cluster, portA, hosts));
        CounterViewStore onA = new CounterViewStore(a, 400, NOW);
        onA.publish(0, TODAY, "SO-TP", new Tally().add(Measure.ACCEPTED, 3));

        // A member that joins later receives the view from its peer before it answers.
        b = ViewCaches.start(member(cluster, portB, hosts));
        assertEquals(2, b.getMembers().size(), "members seen by B: " + b.getMembers());
        CounterViewStore onB = new CounterViewStore(b, 400, NOW);
        assertEquals(Map.of("SO-TP", new Tally().add(Measure.ACCEPTED, 3)), onB.byAgency(TODAY, TODAY));

        // Writes are synchronous: once publish returns, every member holds the value.
        onA.publish(1, TODAY, "SO-TP", new Tally().add(Measure.ACCEPTED, 4));
        onA.publish(1, TODAY, "P-BADINH", new Tally().add(Measure.RESOLVED_LATE, 1));
        assertEquals(Map.of("SO-TP", new Tally().add(Measure.ACCEPTED, 7),
                "P-BADINH", new Tally().add(Measure.RESOLVED_LATE, 1)), onB.byAgency(TODAY, TODAY));

        // The partition moves to B: its task overwrites the partial there, A sees the new value.
        onB.publish(1, TODAY, "SO-TP", new Tally().add(Measure.ACCEPTED, 5));
        onB.publish(1, TODAY, "P-BADINH", new Tally());
        assertEquals(Map.of("SO-TP", new Tally().add(Measure.ACCEPTED, 8)), onA.byAgency(TODAY, TODAY));
        assertEquals(onA.total(TODAY, TODAY), onB.total(TODAY, TODAY));
        assertEquals(2, onA.localEntries());
        assertEquals(2, onB.localEntries());
        assertEquals(0, onA.stats().failures() + onB.stats().failures());

        // Tasks on both members write the same date's index at once: no addition is lost.
        LocalDate yesterday = TODAY.minusDays(1);
        Thread onOtherMember = new Thread(() -> {
            for (int p = 6; p < 12; p++) {
                for (int i = 0; i < 10; i++) {
                    onB.publish(p, yesterday, "AG-" + i, new Tally().add(Measure.ACCEPTED, 1));
                }
            }
        });
        onOtherMember.start();
        for (int p = 0; p < 6; p++) {
            for (int i = 0; i < 10; i++) {
                onA.publish(p, yesterday, "AG-" + i, new Tally().add(Measure.ACCEPTED, 1));
            }
        }
        onOtherMember.join();
        Map<String, Tally> seenByA = onA.byAgency(yesterday, yesterday);
        assertEquals(10, seenByA.size());
        seenByA.forEach((code, t) -> assertEquals(new Tally().add(Measure.ACCEPTED, 12), t, code));
        assertEquals(seenByA, onB.byAgency(yesterday, yesterday));
        assertEquals(0, onA.stats().failures() + onB.stats().failures());
    }

    @Test
    void membersFindEachOtherByADnsName() throws IOException {
        int port = freePort();
        String cluster = "view-test-" + UUID.randomUUID();
        // As on Kubernetes: no member list, every instance with the same port, found through the A records
        // of one name (here localhost, 127.0.0.1); the second binds the next port of the range, probed too.
        a = ViewCaches.start(new ViewSettings(ViewMode.REPLICATED, cluster, "127.0.0.1", port, 3, "127.0.0.1[1]",
                400, 10_000, "view-test-secret", "localhost"));
        b = ViewCaches.start(new ViewSettings(ViewMode.REPLICATED, cluster, "127.0.0.1", port, 3, "127.0.0.1[1]",
                400, 10_000, "view-test-secret", "localhost"));
        assertEquals(2, b.getMembers().size(), "members seen by B: " + b.getMembers());
        new CounterViewStore(a, 400, NOW).publish(0, TODAY, "SO-TP", new Tally().add(Measure.ACCEPTED, 2));
        assertEquals(Map.of("SO-TP", new Tally().add(Measure.ACCEPTED, 2)),
                new CounterViewStore(b, 400, NOW).byAgency(TODAY, TODAY));
    }

    @Test
    void aMemberWithAnotherSecretCannotJoinNorRead() throws IOException, InterruptedException {
        int portA = freePort();
        int portB = freePort();
        String hosts = "127.0.0.1[" + portA + "],127.0.0.1[" + portB + "]";
        String cluster = "view-test-" + UUID.randomUUID();
        a = ViewCaches.start(member(cluster, portA, hosts, "the deployment's secret"));
        new CounterViewStore(a, 400, NOW).publish(0, TODAY, "SO-TP", new Tally().add(Measure.ACCEPTED, 3));

        // Same cluster name, same address list, another secret: it ends up alone, with nothing of A's.
        b = ViewCaches.start(member(cluster, portB, hosts, "a guessed secret"));
        assertEquals(1, b.getMembers().size(), "members seen by the intruder: " + b.getMembers());
        assertEquals(1, a.getMembers().size(), "members seen by A: " + a.getMembers());
        assertEquals(Map.of(), new CounterViewStore(b, 400, NOW).byAgency(TODAY, TODAY));
    }

    @Test
    void theSameSecretGivesTheSameKeyAndAnotherSecretAnother() {
        assertEquals(ClusterKey.derive("s3cret"), ClusterKey.derive("s3cret"));
        org.junit.jupiter.api.Assertions.assertNotEquals(ClusterKey.derive("s3cret"), ClusterKey.derive("s3cret!"));
        assertEquals(32, ClusterKey.derive("s3cret").getEncoded().length);
    }
}
