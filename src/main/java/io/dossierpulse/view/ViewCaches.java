package io.dossierpulse.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.Configuration;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.cache.StorageType;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.eviction.EvictionStrategy;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.remoting.transport.jgroups.EmbeddedJGroupsChannelConfigurator;
import org.jgroups.conf.ProtocolConfiguration;

/**
 * Builds the embedded cache manager of the counter view: programmatic configuration only, no XML,
 * and for a cluster a JGroups TCP stack with a fixed discovery list (TCPPING) so that nothing
 * depends on multicast, which containers and cloud networks rarely allow.
 *
 * <p>Two caches: {@value #COUNTERS} holds one entry per (date, partition, agency), bounded by
 * {@code maxEntries}; {@value #INDEX} lists which keys exist per date, small and never evicted
 * (an evicted index entry would hide counters that are still there).
 */
public final class ViewCaches {

    public static final String COUNTERS = "pulse-view-counters";
    public static final String INDEX = "pulse-view-index";

    private static final String STACK = "pulse-tcp";

    private ViewCaches() {
    }

    /** Starts a cache manager with both caches defined and started (in a cluster: joined and filled from peers). */
    public static EmbeddedCacheManager start(ViewSettings s) {
        GlobalConfigurationBuilder global = s.mode() == ViewMode.LOCAL
                ? new GlobalConfigurationBuilder().nonClusteredDefault()
                : GlobalConfigurationBuilder.defaultClusteredBuilder();
        global.cacheManagerName("pulse-view");
        global.jmx().enabled(false);
        // Infinispan's own gauges and histograms stay off: the service exports its meters through Quarkus.
        global.metrics().gauges(false).histograms(false);
        if (s.mode() == ViewMode.REPLICATED) {
            global.transport().jgroups().addStack(STACK)
                    .channelConfigurator(new EmbeddedJGroupsChannelConfigurator(STACK, tcpStack(s), null));
            global.transport().clusterName(s.clusterName()).stack(STACK);
        }
        DefaultCacheManager manager = new DefaultCacheManager(global.build(), true);
        try {
            manager.defineConfiguration(COUNTERS, countersConfiguration(s));
            manager.defineConfiguration(INDEX, indexConfiguration(s));
            manager.getCache(COUNTERS);
            manager.getCache(INDEX);
            return manager;
        } catch (RuntimeException e) {
            manager.stop();
            throw e;
        }
    }

    static Configuration countersConfiguration(ViewSettings s) {
        ConfigurationBuilder b = common(s);
        // Counted, not sized: entries are alike (a short key, ~40-byte value), so a count bounds memory.
        b.memory().storage(StorageType.HEAP).maxCount(s.maxEntries()).whenFull(EvictionStrategy.REMOVE);
        return b.build();
    }

    static Configuration indexConfiguration(ViewSettings s) {
        return common(s).build();
    }

    private static ConfigurationBuilder common(ViewSettings s) {
        ConfigurationBuilder b = new ConfigurationBuilder();
        b.clustering().cacheMode(s.mode() == ViewMode.LOCAL ? CacheMode.LOCAL : CacheMode.REPL_SYNC);
        // Entries carry a lifespan ending with their date's retention; the reaper drops them once a minute.
        b.expiration().wakeUpInterval(1, TimeUnit.MINUTES);
        b.statistics().enabled(false);
        return b;
    }

    /**
     * The protocol stack: TCP bound to the configured address, TCPPING over the initial hosts (or
     * DNS_PING over a DNS name's A records), then
     * the usual failure detection, reliable delivery, membership, flow control and fragmentation
     * layers with the values Infinispan ships for its own TCP stack. Everything above failure
     * detection is encrypted with the key derived from the cluster secret (SYM_ENCRYPT), headers
     * included (SERIALIZE above it): a member with another secret can neither join nor read.
     */
    static List<ProtocolConfiguration> tcpStack(ViewSettings s) {
        List<ProtocolConfiguration> stack = new ArrayList<>();
        stack.add(protocol("TCP",
                "bind_addr", s.bindAddress(),
                "bind_port", Integer.toString(s.bindPort()),
                "port_range", Integer.toString(s.portRange()),
                "thread_naming_pattern", "pl",
                "send_buf_size", "640k",
                "sock_conn_timeout", "300ms",
                "tcp_nodelay", "true",
                "diag.enabled", "false",
                "thread_pool.min_threads", "0",
                "thread_pool.max_threads", "50",
                "thread_pool.keep_alive_time", "1m"));
        if (s.dnsQuery() == null) {
            stack.add(protocol("TCPPING",
                    "initial_hosts", s.initialHosts().replaceAll("\\s+", ""),
                    "port_range", Integer.toString(s.portRange())));
        } else {
            // The A records of the headless service are the pods; each is probed on the transport's ports.
            // DNS_PING with the system resolver (JGroups' own goes through JNDI, which Quarkus disables).
            stack.add(protocol(SystemDnsPing.class.getName(), "dns_query", s.dnsQuery(), "dns_record_type", "A",
                    "probe_transport_ports", "true"));
        }
        stack.add(protocol("MERGE3", "min_interval", "10s", "max_interval", "30s"));
        // Its own listener (bind port + 100) would otherwise listen on every interface.
        stack.add(protocol("FD_SOCK2", "bind_addr", s.bindAddress()));
        stack.add(protocol("FD_ALL3"));
        stack.add(protocol("VERIFY_SUSPECT2", "timeout", "1s"));
        ClusterKey.Keystore key = ClusterKey.write(s.clusterSecret());
        stack.add(protocol("SYM_ENCRYPT", "provider", "SunJCE", "sym_algorithm", "AES/CBC/PKCS5Padding",
                "sym_iv_length", "16", "keystore_name", key.file().toString(), "keystore_type", "PKCS12",
                "store_password", key.password(), "key_password", key.password(), "alias", ClusterKey.ALIAS));
        stack.add(protocol("SERIALIZE"));
        stack.add(protocol("pbcast.NAKACK2", "use_mcast_xmit", "false", "xmit_interval", "200ms"));
        stack.add(protocol("UNICAST3", "xmit_interval", "200ms", "conn_close_timeout", "5s"));
        stack.add(protocol("pbcast.STABLE", "desired_avg_gossip", "5s", "max_bytes", "1M"));
        stack.add(protocol("pbcast.GMS", "print_local_addr", "false", "join_timeout", "2s"));
        stack.add(protocol("UFC", "max_credits", "4m", "min_threshold", "0.40"));
        stack.add(protocol("MFC", "max_credits", "4m", "min_threshold", "0.40"));
        stack.add(protocol("FRAG4", "frag_size", "60k"));
        return stack;
    }

    private static ProtocolConfiguration protocol(String name, String... keyValues) {
        Map<String, String> props = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return new ProtocolConfiguration(name, props);
    }
}
