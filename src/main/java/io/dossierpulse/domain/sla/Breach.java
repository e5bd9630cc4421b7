package io.dossierpulse.domain.sla;

/** The dues a dossier can miss, each a distinct breach. */
public enum Breach {
    /** The procedure's due date (moved by pauses). */
    DUE,
    /** The current inter-agency step's own due. */
    STEP,
    /** The new appointment of an apology (APOLOGY_ISSUED); missing it is a second breach. */
    REAPPOINTMENT
}
