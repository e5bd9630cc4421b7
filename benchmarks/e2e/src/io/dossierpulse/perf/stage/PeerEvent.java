package io.dossierpulse.perf.stage;

import io.dossierpulse.domain.lifecycle.DossierLifecycle;

/**
 * One event of contract v1 as the peer stage reads it: the JSON bound by a plain Jackson ObjectMapper
 * to a record, values kept as sent. The fields the peer has no use for (fees, reason...) are ignored
 * ({@link JsonSerde#MAPPER}).
 */
record PeerEvent(String eventId, String dossierId, long seq, String type, String occurredAt, String agencyCode,
        String procedureCode, String channel, String dueAt, String toAgencyCode, String newDueAt) {

    /** Whether the field the lifecycle requires for this type ({@link DossierLifecycle#requiredField}) is there. */
    boolean has(String field) {
        return switch (field) {
            case DossierLifecycle.CHANNEL -> channel != null;
            case DossierLifecycle.TO_AGENCY_CODE -> toAgencyCode != null && !toAgencyCode.isBlank();
            case DossierLifecycle.NEW_DUE_AT -> newDueAt != null;
            default -> true;
        };
    }
}
