package io.dossierpulse.streams;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;

@ApplicationScoped
public class TopologyProducer {

    @Produces
    Topology topology(PulseConfig config, MeterRegistry registry) {
        return DossierTopology.build(config.topologySettings(), new IntakeMetrics(registry));
    }
}
