package io.dossierpulse.domain.calendar;

/** Why a day departs from the ordinary week (Monday-Friday working, Saturday-Sunday off). */
public enum DayKind {
    /** A public holiday by the Labour Code rule. */
    HOLIDAY(false),
    /** A working day given off because a holiday fell on a weekly rest day. */
    COMPENSATORY(false),
    /** A day off of an official yearly schedule. */
    SCHEDULED_OFF(false),
    /** A make-up working day of an official yearly schedule (usually a Saturday). */
    SCHEDULED_WORK(true),
    /** A day off set by the operator's override file. */
    OVERRIDE_OFF(false),
    /** A working day set by the operator's override file. */
    OVERRIDE_WORK(true);

    private final boolean working;

    DayKind(boolean working) {
        this.working = working;
    }

    /** Whether the day is worked. */
    public boolean working() {
        return working;
    }
}
