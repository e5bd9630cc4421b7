package io.dossierpulse.streams;

import java.time.Duration;

/**
 * What shapes the topology.
 *
 * @param holdTimeout       how long an event waits for a missing earlier seq before the gap is given up
 * @param maxHeldPerDossier events held for one dossier beyond which new ones go to the dead-letter topic
 * @param maxEventBytes     the contract's size limit for one event
 */
public record TopologySettings(String eventsTopic, String dlqTopic, Duration holdTimeout, int maxHeldPerDossier,
        int maxEventBytes) {

    public static TopologySettings defaults() {
        return new TopologySettings("dossier.events", "dossier.events.dlq", Duration.ofMinutes(5), 32, 16 * 1024);
    }
}
