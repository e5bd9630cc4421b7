package io.dossierpulse.perf.stage;

import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.dossier.DossierLedger;
import io.dossierpulse.domain.sla.SlaEngine;
import io.dossierpulse.streams.CounterPublisher;
import io.dossierpulse.streams.DossierTopology;
import io.dossierpulse.streams.InputLag;
import io.dossierpulse.streams.PipelineMetrics;
import io.dossierpulse.streams.TopologySettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.Topology;

/**
 * Stage (c): the service's own topology, built by the method production uses, with the default
 * topology settings (those of application.properties), the shipped procedure catalog and the
 * standard calendar. Three things around it differ from the service:
 *
 * <ul>
 *   <li>counters are not published to the Infinispan view ({@link CounterPublisher#NONE}); the partial
 *       sums are still computed on every scan, only the cache write is skipped;
 *   <li>meters go to a simple in-memory registry instead of Prometheus;
 *   <li>the input lag is never reported as zero ({@link #REPLAYING}), so every partition stays in
 *       replay mode and deadlines follow event time throughout. The service switches a partition to
 *       the wall clock once it is fully read and idle for two seconds; here that would announce, at
 *       once, every deadline of the dossiers still open up to today's date (the generated events are
 *       of 2025), and how much of that flood falls inside the measured window would depend on which
 *       partition finishes first. With this lag the work of the stage is the same on every run.
 * </ul>
 */
public final class FullPipeline {

    /** Lag unknown: a partition is never taken as caught up, so it never switches to the wall clock. */
    static final InputLag REPLAYING = partition -> -1;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    public Topology topology(TopologySettings settings) {
        DossierLedger ledger = new DossierLedger(ProcedureCatalog.loadDefault(), SlaEngine.standard());
        return DossierTopology.build(settings, new PipelineMetrics(registry), ledger, CounterPublisher.NONE,
                REPLAYING);
    }

    /** What the pipeline did with the records, from its own meters. */
    public List<String> notes() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("applied %,d events %s; dead-lettered %,d %s; duplicates %,d; held %,d",
                total("pulse.events.applied"), byTag("pulse.events.applied", "type"),
                total("pulse.events.rejected"), byTag("pulse.events.rejected", "reason"),
                total("pulse.events.duplicates"), total("pulse.events.held")));
        lines.add(String.format("SLA events announced %,d %s", slaAnnounced(),
                byTag("pulse.sla.events", "type")));
        return lines;
    }

    /** The SLA events the pipeline's own meter counted as announced (a replayed transaction counts twice). */
    public long slaAnnounced() {
        return total("pulse.sla.events");
    }

    private long total(String name) {
        return (long) registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private Map<String, Long> byTag(String name, String tag) {
        Map<String, Long> out = new TreeMap<>();
        for (Counter c : registry.find(name).counters()) {
            long n = (long) c.count();
            if (n > 0) {
                out.put(c.getId().getTag(tag), n);
            }
        }
        return out;
    }
}
