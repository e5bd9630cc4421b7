package io.dossierpulse.domain.dossier;

/** The moments of a dossier's SLA clock that are announced when they pass, event or no event. */
public enum Deadline {
    /** The remaining working time drops to the at-risk threshold. */
    AT_RISK,
    /** The procedure's due instant passes: the dossier is breached (apology letter due). */
    DUE,
    /** The due of a re-appointment (after an apology) passes: a second, distinct breach. */
    REAPPOINTMENT,
    /**
     * The current inter-agency step's due passes while the dossier is still at that step: the agency
     * holding it is late on its part (each step is announced once; a transfer starts the next).
     */
    STEP;

    static final Deadline[] VALUES = values();

    public static Deadline of(int ordinal) {
        return VALUES[ordinal];
    }

    /** The announcement made when it passes. */
    public io.dossierpulse.domain.sla.SlaEventType announcedAs() {
        return switch (this) {
            case AT_RISK -> io.dossierpulse.domain.sla.SlaEventType.AT_RISK;
            case DUE -> io.dossierpulse.domain.sla.SlaEventType.BREACHED;
            case REAPPOINTMENT -> io.dossierpulse.domain.sla.SlaEventType.REAPPOINTMENT_BREACHED;
            case STEP -> io.dossierpulse.domain.sla.SlaEventType.STEP_BREACHED;
        };
    }

    /** The flag that records this deadline as announced. */
    int sentFlag() {
        return switch (this) {
            case AT_RISK -> DossierState.Flag.AT_RISK_SENT;
            case DUE -> DossierState.Flag.BREACH_SENT;
            case REAPPOINTMENT -> DossierState.Flag.REAPPOINTMENT_BREACH_SENT;
            case STEP -> DossierState.Flag.STEP_BREACH_SENT;
        };
    }
}
