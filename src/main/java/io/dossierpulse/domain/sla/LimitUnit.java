package io.dossierpulse.domain.sla;

/** How a statutory time limit is counted. */
public enum LimitUnit {
    /** D working days, i.e. D x (working minutes of a standard day) of working time. */
    WORKING_DAYS,
    /** H working hours of working time. */
    WORKING_HOURS,
    /** Due at the end of the working day of acceptance, or of the next one when accepted after the cutoff. */
    SAME_DAY
}
