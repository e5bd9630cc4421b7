package io.dossierpulse.streams;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The {@code pulse.*} settings of the processing pipeline; documented in the README. */
@ConfigMapping(prefix = "pulse")
public interface PulseConfig {

    Topics topics();

    Intake intake();

    interface Topics {
        @WithDefault("dossier.events")
        String events();

        @WithDefault("dossier.events.dlq")
        String dlq();

        /** Partitions of the topics created at start-up (existing topics are left as they are). */
        @WithDefault("6")
        int partitions();

        @WithDefault("1")
        short replicationFactor();

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
    }

    default TopologySettings topologySettings() {
        return new TopologySettings(topics().events(), topics().dlq(), intake().holdTimeout(),
                intake().maxHeldPerDossier(), intake().maxEventBytes());
    }
}
