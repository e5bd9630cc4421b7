package io.dossierpulse.domain.dossier;

/** The moments of a dossier's SLA clock that are announced when they pass, event or no event. */
public enum Deadline {
    /** The remaining working time drops to the at-risk threshold. */
    AT_RISK,
    /** The procedure's due instant passes: the dossier is breached (apology letter due). */
    DUE,
    /** The due of a re-appointment (after an apology) passes: a second, distinct breach. */
    REAPPOINTMENT;

    static final Deadline[] VALUES = values();

    public static Deadline of(int ordinal) {
        return VALUES[ordinal];
    }

    /** The flag that records this deadline as announced. */
    int sentFlag() {
        return switch (this) {
            case AT_RISK -> DossierState.Flag.AT_RISK_SENT;
            case DUE -> DossierState.Flag.BREACH_SENT;
            case REAPPOINTMENT -> DossierState.Flag.REAPPOINTMENT_BREACH_SENT;
        };
    }
}
