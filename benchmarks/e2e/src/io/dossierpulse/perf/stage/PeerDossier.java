package io.dossierpulse.perf.stage;

import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.calendar.WorkingCalendar;
import io.dossierpulse.domain.indicators.Measure;
import java.time.OffsetDateTime;

/**
 * What the peer stage keeps per dossier, stored as JSON. Besides the dossier itself it carries the
 * outcome of the latest event: {@code counted} is the counter key that event adds one to
 * ({@code localDate|agencyCode|procedureCode|measure}), or null when it counts for nothing. The
 * counters are a grouping of the stream of these states, so a rejected or duplicate event must leave
 * null there rather than repeat the previous event's key.
 *
 * @param status        the lifecycle status, null before the first accepted event
 * @param seq           the highest seq applied or refused
 * @param agencyCode    the receiving agency (counters are kept under it, as in the service)
 * @param dueAt         the due the dossier is judged against, as the source sent it
 */
record PeerDossier(DossierStatus status, long seq, String agencyCode, String procedureCode, String dueAt,
        String counted) {

    static final PeerDossier NONE = new PeerDossier(null, 0, null, null, null, null);

    /** The same dossier after an event that changes nothing and counts for nothing. */
    PeerDossier unchanged(long seenSeq) {
        return new PeerDossier(status, Math.max(seq, seenSeq), agencyCode, procedureCode, dueAt, null);
    }

    /** The dossier after an event the lifecycle allowed, leading to {@code to}. */
    PeerDossier next(PeerEvent e, EventType type, DossierStatus to) {
        String agency = agencyCode != null ? agencyCode : e.agencyCode();
        String procedure = procedureCode != null ? procedureCode : e.procedureCode();
        String due = type == EventType.APOLOGY_ISSUED ? e.newDueAt() : e.dueAt() != null ? e.dueAt() : dueAt;
        OffsetDateTime at = OffsetDateTime.parse(e.occurredAt());
        Measure measure = measure(type, e.channel(), due != null && at.isAfter(OffsetDateTime.parse(due)));
        String key = measure == null ? null : at.atZoneSameInstant(WorkingCalendar.ZONE).toLocalDate() + "|" + agency
                + "|" + procedure + "|" + measure.name();
        return new PeerDossier(to, e.seq(), agency, procedure, due, key);
    }

    /** The service's measure an event type adds to; null for the steps that are not counted. */
    private static Measure measure(EventType type, String channel, boolean late) {
        return switch (type) {
            case SUBMITTED -> "ONLINE".equals(channel) ? Measure.RECEIVED_ONLINE
                    : "POSTAL".equals(channel) ? Measure.RECEIVED_POSTAL : Measure.RECEIVED_IN_PERSON;
            case ACCEPTED -> Measure.ACCEPTED;
            case NOT_ACCEPTED -> Measure.NOT_ACCEPTED;
            // On time or late by the instant alone; the service's "early" needs working-time arithmetic.
            case RESOLVED -> late ? Measure.RESOLVED_LATE : Measure.RESOLVED_ON_TIME;
            case RESULT_RETURNED -> Measure.RETURNED;
            case WITHDRAWN -> Measure.WITHDRAWN;
            case STOPPED -> Measure.STOPPED;
            case SUPPLEMENT_REQUESTED -> Measure.SUPPLEMENT_REQUESTS;
            case APOLOGY_ISSUED -> Measure.APOLOGIES;
            default -> null;
        };
    }
}
