package io.dossierpulse.domain;

import java.time.Instant;

/**
 * One dossier state transition, contract v1 (docs/domain.md). Instances are built only by the
 * contract codec after validation, so required fields are never null here.
 *
 * @param channel      required on SUBMITTED and ACCEPTED, else may be null
 * @param dueAt        the source system's own appointment date, kept beside the computed one; may be null
 * @param toAgencyCode the receiving agency of a TRANSFERRED event; null otherwise
 * @param newDueAt     the new appointment of an APOLOGY_ISSUED event; null otherwise
 * @param feeRequired  null when the source did not say
 * @param paidOnline   null when the source did not say
 * @param digitized    null when the source did not say
 */
public record DossierEvent(
        String eventId,
        String dossierId,
        long seq,
        EventType type,
        Instant occurredAt,
        String agencyCode,
        String procedureCode,
        Channel channel,
        Instant dueAt,
        String toAgencyCode,
        Instant newDueAt,
        Boolean feeRequired,
        Boolean paidOnline,
        Boolean digitized,
        String reason) {
}
