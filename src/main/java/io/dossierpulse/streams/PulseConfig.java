package io.dossierpulse.streams;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The {@code pulse.*} settings of the processing pipeline; documented in the README. */
@ConfigMapping(prefix = "pulse")
public interface PulseConfig {

    Topics topics();

    Intake intake();

    Ingest ingest();

    Sse sse();

    Generator generator();

    Calendar calendar();

    Sla sla();

    Portal portal();

    interface Portal {
        /**
         * Read national-portal sync bodies from pulse.topics.portal-sync and accept them on POST
         * /api/portal/dongbo (docs/portal-sync.md). On by default; off, the topology has no portal steps.
         */
        @WithDefault("true")
        boolean syncEnabled();

        /** Produce a DongBoHoSoMC-shaped status snapshot to pulse.topics.portal-out on every applied transition. */
        @WithDefault("false")
        boolean outEnabled();
    }

    Catalog catalog();

    /** Read by the launcher before Quarkus starts (see BrokerSettings); listed here to be validated and documented. */
    Broker broker();

    /** The replicated counter view (io.dossierpulse.view) that answers statistics from any instance. */
    View view();

    Security security();

    Cluster cluster();

    Lookup lookup();

    /** Where Kafka Streams keeps its local state (RocksDB). */
    @WithDefault("work/state")
    String stateDir();

    /**
     * Native memory of all RocksDB stores of this instance together: block cache, memtables, index
     * and filter blocks (read by BoundedRocksDbMemory through kafka-streams.rocksdb.memory.total.bytes).
     */
    @WithDefault("268435456")
    long rocksdbMemoryBytes();

    /** Dossier states kept in memory per stream task in front of the store (the hot ones). */
    @WithDefault("20000")
    int dossierCacheSize();

    /**
     * This instance's stable name in the consumer group (static membership): restarted after a
     * crash, it takes its partitions back at once instead of after the session timeout. Unset, it is
     * the advertised host and HTTP port; on Kubernetes, the pod name.
     */
    java.util.Optional<String> instanceId();

    /** Host other instances use to reach this one for interactive queries. */
    @WithDefault("127.0.0.1")
    String advertisedHost();

    /** Bearer tokens: the mp.jwt.* keys verify them; these are the local issuer's (see docs/security.md). */
    interface Security {
        /** Where the local signing key pair lives (made by bin/demo; read by bin/pulse token). */
        String localKeyDir();

        /** Give a browser on this machine an operator token for the dashboard (demo and dev profiles). */
        boolean localDashboard();
    }

    interface Cluster {
        /** Shared by the instances of a deployment: marks forwarded requests and keys the view's cluster link. */
        java.util.Optional<String> secret();
    }

    /** The citizens' lookup ({@code GET /api/lookup/{id}}), public and so rate-limited per client address. */
    interface Lookup {
        @WithDefault("60")
        int requestsPerMinute();

        /** Client addresses tracked at once; beyond, new ones share one allowance (memory stays bounded). */
        @WithDefault("100000")
        int maxTrackedClients();
    }

    interface Topics {
        @WithDefault(TopicNames.EVENTS)
        String events();

        @WithDefault(TopicNames.DEAD_LETTERS)
        String dlq();

        @WithDefault(TopicNames.SLA_EVENTS)
        String slaEvents();

        /** National-portal sync snapshots in (docs/portal-sync.md). */
        @WithDefault(TopicNames.PORTAL_SYNC)
        String portalSync();

        /** Portal-shaped status snapshots out; produced only when pulse.portal.out-enabled. */
        @WithDefault(TopicNames.PORTAL_OUT)
        String portalOut();

        /** Partitions of the topics created at start-up (existing topics are left as they are). */
        @WithDefault("6")
        int partitions();

        @WithDefault("1")
        short replicationFactor();

        /** min.insync.replicas of created topics; unset: 2 with 3 replicas or more, else 1. */
        java.util.OptionalInt minInsyncReplicas();

        /** Create missing topics at start-up; turn off where topics are provisioned separately. */
        @WithDefault("true")
        boolean create();
    }

    interface Intake {
        @WithDefault("5M")
        Duration holdTimeout();

        @WithDefault("32")
        int maxHeldPerDossier();

        @WithDefault("16384")
        int maxEventBytes();

        /** How far ahead of the wall clock an event may be dated; later ones are dead-lettered (FUTURE_EVENT). */
        @WithDefault("10M")
        Duration maxFutureSkew();

        /** How many seqs an event may skip ahead of its dossier; more is dead-lettered (SEQ_GAP_TOO_LARGE). */
        @WithDefault("1000")
        long maxSeqGap();
    }

    /** Bounds on the live SLA event streams (server-sent events), which hold a connection each. */
    interface Sse {
        /** Streams open on one instance at most; more are answered 503. */
        @WithDefault("200")
        int maxStreams();

        /** Streams open from one client address at most; more are answered 429. */
        @WithDefault("4")
        int maxStreamsPerClient();

        /**
         * SLA events kept for subscribers to resume from (Last-Event-ID): a subscriber further behind
         * gets a reset and reloads the latest ones.
         */
        @WithDefault("10000")
        int resumeBuffer();

        /** How far back the feed reads the SLA event topic at start, for the at-risk and breach trends. */
        @WithDefault("P15D")
        java.time.Duration history();
    }

    interface Ingest {
        /** How long a request may wait for room in the producer buffer before failing. */
        @WithDefault("30S")
        Duration maxBlock();

        @WithDefault("33554432")
        long bufferBytes();

        /** How long a request waits for Kafka's acknowledgements; unacknowledged events are reported, 503 when none was. */
        @WithDefault("10S")
        Duration answerDeadline();

        /** Events in one request at most (counted while the body is split); more: 413. */
        @WithDefault("5000")
        int maxEventsPerRequest();

        /** Ingest requests handled at once; more get 503 with Retry-After. */
        @WithDefault("8")
        int maxConcurrentRequests();
    }

    interface Generator {
        /** Feed generated traffic into the input topic (the demo). */
        @WithDefault("false")
        boolean enabled();

        /** Events per second while replaying history. */
        @WithDefault("1000")
        double rate();

        @WithDefault("1")
        long seed();

        /** How much simulated past to replay before following the wall clock. */
        @WithDefault("P3D")
        Duration history();

        @WithDefault("12000")
        double dossiersPerDay();
    }

    interface Calendar {
        /** Office periods of a working day, Monday to Friday, Asia/Ho_Chi_Minh. */
        @WithDefault("08:00-12:00,13:00-17:00")
        java.util.List<String> periods();

        /** Operator file of extra days off and make-up working days (lines: 2026-05-02,OFF,reason). */
        java.util.Optional<String> overrides();
    }

    interface Sla {
        /** Remaining working time at which a dossier is announced at risk. */
        @WithDefault("PT8H")
        Duration atRiskThreshold();

        /**
         * New appointments (APOLOGY_ISSUED) a dossier may be given; an apology beyond them is counted
         * but leaves the date as it was (docs/domain.md). 0: no limit. Default: SlaEngine's.
         */
        @WithDefault("1")
        int maxReappointments();

        /** How often due deadlines are looked for (the delay of an SLA event after its deadline). */
        @WithDefault("0.1S")
        Duration scanInterval();

        /** Out-of-order tolerance of event time within a partition; deadlines wait this long. */
        @WithDefault("0S")
        Duration allowedLateness();

        /** Event time within this of the wall clock is live; further behind is a replay of history. */
        @WithDefault("5M")
        Duration liveLag();

        /** A partition without events this long is caught up; its deadlines follow the wall clock. */
        @WithDefault("2S")
        Duration idleToLive();

        @WithDefault("10000")
        int maxFiresPerScan();

        /**
         * A passed deadline is announced without an event proving it only once its dossier's latest
         * event was applied at least this long ago: the rest of a back-dated batch arrives first.
         */
        @WithDefault("3S")
        Duration settleTime();

        /** The CloudEvents Kafka binding's content mode of dossier.sla-events: STRUCTURED or BINARY. */
        @WithDefault("STRUCTURED")
        SlaEventCodec.Mode cloudEventsMode();
    }

    interface Catalog {
        /** Operator procedure file (same format as the shipped one); its entries add to or replace shipped ones. */
        java.util.Optional<String> file();
    }

    interface Broker {
        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("9092")
        int port();

        @WithDefault("9093")
        int controllerPort();

        @WithDefault("work/kafka")
        String dataDir();

        /** Whether a broker may start inside the process; unset: only in the demo and dev profiles (BrokerSettings). */
        java.util.Optional<Boolean> embedded();
    }

    interface View {
        /** LOCAL: a single instance, no network. REPLICATED: every instance holds the whole view. */
        @WithDefault("LOCAL")
        String mode();

        /** Instances with the same cluster name that can reach each other form one view. */
        @WithDefault("dossier-pulse")
        String clusterName();

        /** Address the cluster transport (JGroups TCP) listens on; a routable address on a real cluster. */
        @WithDefault("127.0.0.1")
        String bindAddress();

        @WithDefault("7800")
        int bindPort();

        /** Further ports tried when the bind port is taken, and probed on each initial host. */
        @WithDefault("10")
        int portRange();

        /** Where to look for the other instances (TCPPING): host[port],host[port]. */
        @WithDefault("127.0.0.1[7800]")
        String initialHosts();

        /**
         * Discovery by DNS instead (DNS_PING): the name whose A records are the instances, on Kubernetes
         * the headless service; each is probed on bind-port..bind-port+port-range.
         */
        java.util.Optional<String> dnsQuery();

        /** Local dates of daily detail kept, today included. */
        @WithDefault("400")
        int retentionDays();

        /** Bound on counter entries per instance; above it the least used are evicted (a safety cap). */
        @WithDefault("1000000")
        long maxEntries();
    }

    default io.dossierpulse.domain.dossier.IntakeLimits intakeLimits() {
        return new io.dossierpulse.domain.dossier.IntakeLimits(intake().maxFutureSkew(), intake().maxSeqGap());
    }

    default TopologySettings topologySettings() {
        return new TopologySettings(topics().events(), topics().dlq(), topics().slaEvents(), intake().holdTimeout(),
                intake().maxHeldPerDossier(), intake().maxEventBytes(), sla().scanInterval(), sla().allowedLateness(),
                sla().liveLag(), sla().idleToLive(), sla().maxFiresPerScan(), sla().settleTime(), dossierCacheSize(),
                portal().syncEnabled() ? topics().portalSync() : "", portal().outEnabled() ? topics().portalOut() : "", sla().cloudEventsMode());
    }
}
