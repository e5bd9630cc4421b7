package io.dossierpulse.streams;

import java.time.Duration;

/**
 * What shapes the topology.
 *
 * @param holdTimeout       how long an event waits for a missing earlier seq before the gap is given up
 * @param maxHeldPerDossier events held for one dossier beyond which new ones go to the dead-letter topic
 * @param maxEventBytes     the contract's size limit for one event
 * @param scanInterval      how often (wall clock) due deadlines are looked for and counters published
 * @param allowedLateness   how far out of event-time order a partition's events may come; a deadline is
 *                          announced only once event time (or the wall clock) is this far past it
 * @param liveLag           event time within this of the wall clock counts as live
 * @param idleToLive        a partition idle this long is caught up: deadlines follow the wall clock
 * @param maxFiresPerScan   deadlines announced per scan at most, so a backlog never stalls processing
 * @param settleTime        a passed deadline is announced without an event proving it only once its
 *                          dossier's latest event was applied at least this long ago (docs/architecture.md)
 * @param dossierCacheSize  dossier states kept in memory per task in front of the store
 * @param portalSyncTopic   the national-portal sync snapshots in (docs/portal-sync.md); empty: not read
 * @param portalOutTopic    where portal-shaped status snapshots go out; empty: none are produced
 * @param slaEventMode      the CloudEvents Kafka binding's content mode of the SLA-event records
 */
public record TopologySettings(String eventsTopic, String dlqTopic, String slaTopic, Duration holdTimeout,
        int maxHeldPerDossier, int maxEventBytes, Duration scanInterval, Duration allowedLateness, Duration liveLag,
        Duration idleToLive, int maxFiresPerScan, Duration settleTime, int dossierCacheSize,
        String portalSyncTopic, String portalOutTopic, SlaEventCodec.Mode slaEventMode) {

    public static TopologySettings defaults() {
        return new TopologySettings(TopicNames.EVENTS, TopicNames.DEAD_LETTERS, TopicNames.SLA_EVENTS,
                Duration.ofMinutes(5), 32, 16 * 1024, Duration.ofMillis(100), Duration.ZERO, Duration.ofMinutes(5),
                Duration.ofSeconds(2), 10_000, Duration.ofSeconds(3), 20_000, TopicNames.PORTAL_SYNC, "",
                SlaEventCodec.Mode.STRUCTURED);
    }

    public TopologySettings withHold(Duration timeout, int maxHeld) {
        return new TopologySettings(eventsTopic, dlqTopic, slaTopic, timeout, maxHeld, maxEventBytes, scanInterval,
                allowedLateness, liveLag, idleToLive, maxFiresPerScan, settleTime, dossierCacheSize, portalSyncTopic,
                portalOutTopic, slaEventMode);
    }

    public TopologySettings withSlaEventMode(SlaEventCodec.Mode mode) {
        return new TopologySettings(eventsTopic, dlqTopic, slaTopic, holdTimeout, maxHeldPerDossier, maxEventBytes,
                scanInterval, allowedLateness, liveLag, idleToLive, maxFiresPerScan, settleTime, dossierCacheSize,
                portalSyncTopic, portalOutTopic, mode);
    }

    public TopologySettings withPortalSync(String topic) {
        return new TopologySettings(eventsTopic, dlqTopic, slaTopic, holdTimeout, maxHeldPerDossier, maxEventBytes,
                scanInterval, allowedLateness, liveLag, idleToLive, maxFiresPerScan, settleTime, dossierCacheSize,
                topic, portalOutTopic, slaEventMode);
    }

    public boolean portalSync() {
        return !portalSyncTopic.isEmpty();
    }

    public TopologySettings withPortalOut(String topic) {
        return new TopologySettings(eventsTopic, dlqTopic, slaTopic, holdTimeout, maxHeldPerDossier, maxEventBytes,
                scanInterval, allowedLateness, liveLag, idleToLive, maxFiresPerScan, settleTime, dossierCacheSize,
                portalSyncTopic, topic, slaEventMode);
    }

    /** The topics the topology reads and writes, all of which must exist before it starts. */
    public java.util.List<String> topics() {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(eventsTopic, dlqTopic, slaTopic));
        if (portalSync()) {
            all.add(portalSyncTopic);
        }
        if (portalOut()) {
            all.add(portalOutTopic);
        }
        return java.util.List.copyOf(all);
    }

    public boolean portalOut() {
        return !portalOutTopic.isEmpty();
    }
}
