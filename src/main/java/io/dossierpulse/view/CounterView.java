package io.dossierpulse.view;

import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.indicators.Tally;
import io.dossierpulse.streams.CounterPublisher;
import io.dossierpulse.streams.PulseConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.infinispan.manager.EmbeddedCacheManager;
import org.jboss.logging.Logger;

/**
 * The application's counter view: starts the embedded cache (joining the cluster in REPLICATED
 * mode) with the service, receives the stream tasks' partials as their {@link CounterPublisher},
 * and answers statistics from local memory. The logic is in {@link CounterViewStore}, which it also
 * produces for injection.
 *
 * <p>Started eagerly so that an instance joins the cluster, and receives the view from its peers,
 * before its stream tasks publish or its API is asked. A singleton, not a proxied bean: it owns a
 * process-wide resource and is used on the stream threads' per-punctuation path.
 */
@Startup
@Singleton
public class CounterView implements CounterPublisher {

    private static final Logger LOG = Logger.getLogger(CounterView.class);

    private final EmbeddedCacheManager manager;
    private final CounterViewStore store;
    private final PublicationQueue queue;

    @Inject
    public CounterView(PulseConfig config) {
        ViewSettings settings = settings(config.view(), config.cluster().secret());
        this.manager = ViewCaches.start(settings);
        this.store = new CounterViewStore(manager, settings.retentionDays(), Clock.systemUTC());
        this.queue = new PublicationQueue((partition, epochDay, agency, partial) ->
                store.publish(partition, LocalDate.ofEpochDay(epochDay), agency, partial));
        if (settings.mode() == ViewMode.LOCAL) {
            LOG.infof("Counter view: local, %d days kept, at most %d entries",
                    settings.retentionDays(), settings.maxEntries());
        } else {
            LOG.infof("Counter view: replicated in cluster '%s' as %s, members %s, %d days kept, at most %d entries",
                    settings.clusterName(), manager.getAddress(), manager.getMembers(),
                    settings.retentionDays(), settings.maxEntries());
        }
    }

    static ViewSettings settings(PulseConfig.View v, java.util.Optional<String> clusterSecret) {
        return new ViewSettings(ViewSettings.parseMode(v.mode()), v.clusterName(), v.bindAddress(), v.bindPort(),
                v.portRange(), v.initialHosts(), v.retentionDays(), v.maxEntries(), clusterSecret.orElse(null),
                v.dnsQuery().orElse(null));
    }

    @PreDestroy
    void stop() {
        queue.close();
        manager.stop();
    }

    /**
     * The stream tasks' entry point (dates arrive as epoch days): queued, written by the publisher
     * thread, so a stream thread never waits on a replicated write.
     */
    @Override
    public void publish(int partition, long epochDay, String agencyCode, Tally partial) {
        queue.offer(partition, epochDay, agencyCode, partial);
    }


    public void publish(int partition, LocalDate date, String agencyCode, Tally partial) {
        store.publish(partition, date, agencyCode, partial);
    }

    public Map<String, Tally> byAgency(LocalDate from, LocalDate to) {
        return store.byAgency(from, to);
    }

    public Tally total(LocalDate from, LocalDate to) {
        return store.total(from, to);
    }

    public Map<String, Tally> rolledUp(LocalDate from, LocalDate to, AgencyDirectory dir) {
        return store.rolledUp(from, to, dir);
    }

    public LocalDate today() {
        return store.today();
    }

    /**
     * The city's tally of a period as the indicators read it (PeriodTally): the flows of from..to and
     * the open stock as it stood at the end of {@code to}, whatever the acceptance date.
     */
    public Tally period(LocalDate from, LocalDate to) {
        LocalDate last = store.lastKeptDate();
        return io.dossierpulse.domain.indicators.PeriodTally.of(store.total(from, to),
                store.total(store.firstKeptDate(), last), to.isBefore(last) ? store.total(to.plusDays(1), last) : null);
    }

    /**
     * {@link #rolledUp} read by the period rule, as {@link #period}, and answered in the structure of
     * the period's last day: an agency ended by then (the 1 July 2025 reform) also counts under the
     * agency holding its dossiers that day ({@link #toHolders}).
     */
    public Map<String, Tally> periodRolledUp(LocalDate from, LocalDate to, AgencyDirectory dir) {
        LocalDate last = store.lastKeptDate();
        LocalDate first = store.firstKeptDate();
        Map<String, Tally> flows = toHolders(store.rolledUp(from, to, dir), store.byAgency(from, to), to, dir);
        Map<String, Tally> now = toHolders(store.rolledUp(first, last, dir), store.byAgency(first, last), to, dir);
        Map<String, Tally> after = to.isBefore(last)
                ? toHolders(store.rolledUp(to.plusDays(1), last, dir), store.byAgency(to.plusDays(1), last), to, dir)
                : Map.of();
        Map<String, Tally> out = new java.util.TreeMap<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(flows.keySet());
        keys.addAll(now.keySet());
        keys.addAll(after.keySet());
        for (String k : keys) {
            out.put(k, io.dossierpulse.domain.indicators.PeriodTally.of(flows.get(k), now.get(k), after.get(k)));
        }
        return out;
    }

    /**
     * The documented mapping across a change of structure (docs/indicators.md): each agency no longer
     * active on {@code end} has its own counts also added to the agency holding its dossiers that day
     * (its successor, followed to an active one) and to that holder's ancestors, the city root
     * excepted (it has them already) and any ancestor the agency itself had excepted.
     */
    static Map<String, Tally> toHolders(Map<String, Tally> rolled, Map<String, Tally> own, LocalDate end,
            AgencyDirectory dir) {
        String root = dir.root().code();
        Map<String, Tally> out = new java.util.TreeMap<>();
        rolled.forEach((k, v) -> out.put(k, v.copy()));
        own.forEach((code, t) -> {
            io.dossierpulse.domain.agency.Agency holder = dir.holderAfterEnd(code, end);
            if (holder == null) {
                return;
            }
            java.util.Set<String> had = new java.util.HashSet<>();
            dir.ancestorsAsCounted(code, end).forEach(x -> had.add(x.code()));
            out.computeIfAbsent(holder.code(), k -> new Tally()).merge(t);
            for (io.dossierpulse.domain.agency.Agency up : dir.ancestors(holder.code(), end)) {
                if (!up.code().equals(root) && !had.contains(up.code())) {
                    out.computeIfAbsent(up.code(), k -> new Tally()).merge(t);
                }
            }
        });
        return out;
    }

    /** The store itself, for resources that query the view: a plain object, no proxy in between. */
    @Produces
    @Singleton
    public CounterViewStore store() {
        return store;
    }
}
