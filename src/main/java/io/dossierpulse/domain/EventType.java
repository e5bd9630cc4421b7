package io.dossierpulse.domain;

/**
 * The transitions of event contract v1. Each leads to a portal status, except
 * {@link #APOLOGY_ISSUED}, a re-appointment that leaves the status unchanged.
 */
public enum EventType {
    SUBMITTED(DossierStatus.SUBMITTED),
    ACCEPTED(DossierStatus.ACCEPTED),
    NOT_ACCEPTED(DossierStatus.NOT_ACCEPTED),
    PROCESSING(DossierStatus.PROCESSING),
    TRANSFERRED(DossierStatus.PROCESSING),
    SUPPLEMENT_REQUESTED(DossierStatus.SUPPLEMENT_REQUESTED),
    SUPPLEMENT_RECEIVED(DossierStatus.PROCESSING),
    FEE_REQUESTED(DossierStatus.FEE_REQUESTED),
    FEE_PAID(DossierStatus.PROCESSING),
    WITHDRAWN(DossierStatus.WITHDRAWN),
    STOPPED(DossierStatus.STOPPED),
    RESOLVED(DossierStatus.RESOLVED),
    RESULT_RETURNED(DossierStatus.RESULT_RETURNED),
    APOLOGY_ISSUED(null);

    private static final EventType[] VALUES = values();

    private final DossierStatus resultingStatus;

    EventType(DossierStatus resultingStatus) {
        this.resultingStatus = resultingStatus;
    }

    /** The status this transition leads to, or {@code null} when it keeps the current one. */
    public DossierStatus resultingStatus() {
        return resultingStatus;
    }

    /** Looks a type up by its contract name without throwing; {@code null} when unknown. */
    public static EventType parse(String name) {
        for (EventType t : VALUES) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
