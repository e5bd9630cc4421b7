package io.dossierpulse.domain.sla;

/** How a dossier (or one inter-agency step) stands against its due date (docs/domain.md). */
public enum Outcome {
    /** Ended on a calendar date before the due date's. */
    EARLY,
    /** Ended on the due date's calendar date, at or before the due instant. */
    ON_TIME,
    /** Ended after the due instant, or had its supplement requested more than once. */
    LATE,
    /** Still open and not past its due instant. */
    IN_PROGRESS_ON_TIME,
    /** Still open and past its due instant (or already late by repeated supplement requests). */
    IN_PROGRESS_OVERDUE,
    /**
     * Ended without any due to be judged by: a procedure outside the catalog whose source gave no
     * appointment. Neither on time nor late (appended: the stored layout is by ordinal).
     */
    UNTRACKED;

    /** Whether processing has ended. */
    public boolean ended() {
        return this == EARLY || this == ON_TIME || this == LATE || this == UNTRACKED;
    }

    /** Whether the outcome counts as on time for the progress indicator (ended on/before time, or open within time). */
    public boolean onTime() {
        return this == EARLY || this == ON_TIME || this == IN_PROGRESS_ON_TIME;
    }
}
