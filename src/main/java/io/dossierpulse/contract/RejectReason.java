package io.dossierpulse.contract;

/**
 * Why a record was not applied. The name is the machine code carried in the dead-letter header
 * {@code dlq.reason} and in ingest answers; it never changes once published.
 */
public enum RejectReason {
    /** The record is larger than the contract allows (16 KiB by default). */
    TOO_LARGE,
    /** The bytes are not valid UTF-8. */
    INVALID_ENCODING,
    /** The bytes are not one well-formed JSON document. */
    NOT_JSON,
    /** Well-formed JSON, but not an object. */
    NOT_AN_OBJECT,
    /** A field the contract requires (for this event type) is absent. */
    MISSING_FIELD,
    /** A field has the wrong JSON type. */
    WRONG_TYPE,
    /** A field's value is malformed or out of its allowed range. */
    INVALID_VALUE,
    /** A field the contract does not define; refused so that no personal data slips in. */
    UNKNOWN_FIELD,
    /** The type is not one of contract v1's event types. */
    UNKNOWN_TYPE,
    /** The Kafka record key is not the event's dossierId, so its partition would be wrong. */
    KEY_MISMATCH,
    /** The lifecycle does not allow this transition from the dossier's current status. */
    ILLEGAL_TRANSITION,
    /** The dossier had already ended (returned, refused, withdrawn, stopped). */
    DOSSIER_ENDED,
    /** A dossier's first event must start it (SUBMITTED or ACCEPTED). */
    NOT_STARTED,
    /** Too many events held for one dossier while waiting for a missing seq. */
    HOLD_OVERFLOW,
    /** The seq arrived after the hold for it timed out and later seqs were applied. */
    SEQ_SKIPPED,
    /** An unexpected failure while processing; the record is kept for inspection. */
    PROCESSING_ERROR,
    /** The dossier's stored state cannot be read (corrupt, or written by an unknown version); quarantined. */
    STATE_UNREADABLE,
    /** occurredAt is further ahead of the wall clock than pulse.intake.max-future-skew (10 minutes). */
    FUTURE_EVENT,
    /** The seq is more than pulse.intake.max-seq-gap (1,000) beyond the dossier's next expected one. */
    SEQ_GAP_TOO_LARGE,
    /** The seq was already used by another event (another eventId) of the same dossier. */
    SEQ_CONFLICT,
    /** A national-portal sync body names a service other than DongBoHoSoMC or CapNhatTienDoHoSoMC. */
    UNKNOWN_SERVICE,
    /** A national-portal sync body holds more items than pulse.ingest.max-events-per-request. */
    TOO_MANY_ITEMS,
    /** A national-portal progress update (CapNhatTienDoHoSoMC) of a dossier no DongBoHoSoMC item introduced. */
    UNKNOWN_DOSSIER
}
