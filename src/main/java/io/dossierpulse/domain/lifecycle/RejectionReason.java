package io.dossierpulse.domain.lifecycle;

/** Why a valid event was refused by a dossier's intake or lifecycle; stable codes for the rejection stream. */
public enum RejectionReason {
    /** The event type is not allowed in the dossier's current (non-final) status. */
    ILLEGAL_TRANSITION,
    /** The dossier is in a final status (3, 7, 8 or 10) and takes no further event. */
    DOSSIER_ENDED,
    /** The dossier has no state yet and the event is not one a dossier can start with. */
    NOT_STARTED,
    /** The event lacks a field its type requires (channel, toAgencyCode or newDueAt). */
    MISSING_FIELD,
    /** The seq arrived after the hold for it timed out and later events of the dossier were applied. */
    SEQ_SKIPPED,
    /** The event is dated further ahead of the wall clock than the intake allows. */
    FUTURE_EVENT,
    /** The seq is further beyond the dossier's next expected one than the intake allows. */
    SEQ_GAP_TOO_LARGE,
    /** The seq was already used by another event (another eventId) of the dossier. */
    SEQ_CONFLICT
}
