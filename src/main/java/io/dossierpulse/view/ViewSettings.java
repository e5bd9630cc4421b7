package io.dossierpulse.view;

import java.util.Locale;
import java.util.Objects;

/**
 * The settings of the counter view ({@code pulse.view.*}), checked once so that a bad value fails
 * start-up with the key's name instead of a JGroups or Infinispan error later.
 *
 * @param mode          LOCAL (single node) or REPLICATED (a cluster of instances)
 * @param clusterName   instances with the same name (and reachable hosts) form one cluster
 * @param bindAddress   address the cluster transport listens on
 * @param bindPort      first port the cluster transport tries
 * @param portRange     further ports tried when bindPort is taken, and probed on each initial host
 * @param initialHosts  TCPPING discovery list, {@code host[port],host[port]}
 * @param retentionDays how many local dates of detail are kept, today included
 * @param maxEntries    bound on counter entries per instance (memory eviction); a safety cap
 * @param clusterSecret the instances' shared secret ({@code pulse.cluster.secret}): the cluster link's
 *                      encryption key is derived from it; required when REPLICATED, unused when LOCAL
 * @param dnsQuery      discovery by DNS instead of the initial hosts: the name whose A records are the
 *                      instances (on Kubernetes the headless service), looked up with the system's
 *                      resolver; null: the initial hosts
 */
public record ViewSettings(ViewMode mode, String clusterName, String bindAddress, int bindPort, int portRange,
                           String initialHosts, int retentionDays, long maxEntries, String clusterSecret,
                           String dnsQuery) {

    public static final String DEFAULT_CLUSTER_NAME = "dossier-pulse";
    public static final int DEFAULT_RETENTION_DAYS = 400;
    public static final long DEFAULT_MAX_ENTRIES = 1_000_000L;

    /** Discovery over the initial hosts. */
    public ViewSettings(ViewMode mode, String clusterName, String bindAddress, int bindPort, int portRange,
            String initialHosts, int retentionDays, long maxEntries, String clusterSecret) {
        this(mode, clusterName, bindAddress, bindPort, portRange, initialHosts, retentionDays, maxEntries,
                clusterSecret, null);
    }

    public ViewSettings {
        Objects.requireNonNull(mode, "pulse.view.mode");
        dnsQuery = dnsQuery == null || dnsQuery.isBlank() ? null : dnsQuery.strip();
        require(dnsQuery == null || dnsQuery.matches("[A-Za-z0-9.-]+"),
                "pulse.view.dns-query must be a DNS name, not '" + dnsQuery + "'");
        require(clusterName != null && !clusterName.isBlank(), "pulse.view.cluster-name must not be blank");
        require(bindAddress != null && !bindAddress.isBlank(), "pulse.view.bind-address must not be blank");
        require(bindPort > 0 && bindPort <= 65535, "pulse.view.bind-port must be 1-65535, not " + bindPort);
        require(portRange >= 0 && bindPort + portRange <= 65535,
                "pulse.view.port-range must be >= 0 and keep ports below 65536, not " + portRange);
        require(initialHosts != null && initialHosts.matches("\\s*[^\\s,\\[\\]]+\\[\\d{1,5}](\\s*,\\s*[^\\s,\\[\\]]+\\[\\d{1,5}])*\\s*"),
                "pulse.view.initial-hosts must look like host[port],host[port], not '" + initialHosts + "'");
        require(retentionDays >= 1, "pulse.view.retention-days must be >= 1, not " + retentionDays);
        require(maxEntries >= 1, "pulse.view.max-entries must be >= 1, not " + maxEntries);
        require(mode == ViewMode.LOCAL || clusterSecret != null && !clusterSecret.isBlank(),
                "pulse.cluster.secret must be set when pulse.view.mode=REPLICATED: the cluster link is keyed with it");
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "ViewSettings[mode=" + mode + ", clusterName=" + clusterName + ", bindAddress=" + bindAddress
                + ", bindPort=" + bindPort + ", portRange=" + portRange + ", initialHosts=" + initialHosts
                + ", dnsQuery=" + dnsQuery + ", retentionDays=" + retentionDays
                + ", maxEntries=" + maxEntries + "]";
    }

    /** A single-node view with the default retention and bound: tests and tools. */
    public static ViewSettings local() {
        return new ViewSettings(ViewMode.LOCAL, DEFAULT_CLUSTER_NAME, "127.0.0.1", 7800, 10, "127.0.0.1[7800]",
                DEFAULT_RETENTION_DAYS, DEFAULT_MAX_ENTRIES, null);
    }

    /** Parses {@code pulse.view.mode}, case-insensitively, naming the key when it is wrong. */
    public static ViewMode parseMode(String value) {
        try {
            return ViewMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("pulse.view.mode must be LOCAL or REPLICATED, not '" + value + "'");
        }
    }

    public ViewSettings withRetentionDays(int days) {
        return new ViewSettings(mode, clusterName, bindAddress, bindPort, portRange, initialHosts, days, maxEntries,
                clusterSecret, dnsQuery);
    }

    public ViewSettings withMaxEntries(long max) {
        return new ViewSettings(mode, clusterName, bindAddress, bindPort, portRange, initialHosts, retentionDays, max,
                clusterSecret, dnsQuery);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
