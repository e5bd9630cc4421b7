package io.dossierpulse.streams;

import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.dossier.DossierLedger;
import io.dossierpulse.domain.sla.SlaEngine;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;

@ApplicationScoped
public class TopologyProducer {

    @Produces
    @jakarta.inject.Singleton
    Topology topology(PulseConfig config, MeterRegistry registry, ProcedureCatalog catalog, SlaEngine engine,
            Instance<CounterPublisher> publisher, ConsumerLagMonitor inputLag,
            io.dossierpulse.domain.agency.AgencyDirectory agencies) {
        return DossierTopology.build(config.topologySettings(), new PipelineMetrics(registry),
                new DossierLedger(catalog, engine, config.intakeLimits(), agencies), publisher.isResolvable() ? publisher.get() : CounterPublisher.NONE, inputLag);
    }
}
