package io.dossierpulse.domain.portal;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierStatus;

/**
 * What the portal-sync translation remembers of a dossier between snapshots: enough to turn the
 * next snapshot into the transitions that happened since, and nothing personal.
 *
 * @param lastSeq         the seq of the last contract-v1 event made for the dossier
 * @param roundsRequested supplement rounds announced as requested so far
 * @param roundsReceived  supplement rounds announced as received so far
 * @param dueAtMillis     the latest appointment known (0: none)
 * @param lastAtMillis    when the last event made for the dossier occurred
 */
public record PortalTrack(
        String procedureCode,
        String agencyCode,
        Channel channel,
        DossierStatus status,
        long lastSeq,
        int roundsRequested,
        int roundsReceived,
        long dueAtMillis,
        long lastAtMillis) {
}
