package io.dossierpulse.domain.indicators;

/**
 * What is counted per agency, procedure and local date (Asia/Ho_Chi_Minh). Flow measures count
 * events on the date they occurred; the two OPEN_ measures are the stock of open dossiers by the
 * date of acceptance (a dossier moves from OPEN_ON_TIME to OPEN_OVERDUE when its clock crosses the
 * due instant, and leaves both when it ends). The PT_ measures are a histogram of processing time
 * (working minutes from clock start to resolution) of resolved dossiers, by {@link ProcessingTime}
 * bucket.
 *
 * <p>The order is the stored layout: append new measures at the end, never reorder.
 */
public enum Measure {
    RECEIVED_IN_PERSON,
    RECEIVED_ONLINE,
    RECEIVED_POSTAL,
    ACCEPTED,
    NOT_ACCEPTED,
    RESOLVED_EARLY,
    RESOLVED_ON_TIME,
    RESOLVED_LATE,
    RETURNED,
    WITHDRAWN,
    STOPPED,
    SUPPLEMENT_REQUESTS,
    APOLOGIES,
    OPEN_ON_TIME,
    OPEN_OVERDUE,
    /** Dossiers resolved with a result (see {@link #ENDED}) that carried a fee or charge. */
    ENDED_FEE_BEARING,
    /** Of those, the ones whose fee was paid online. */
    ENDED_PAID_ONLINE,
    /** Dossiers resolved with a result whose components were digitized. */
    ENDED_DIGITIZED,
    /**
     * Dossiers whose processing ended with a result (RESOLVED, or RESULT_RETURNED without a RESOLVED
     * before it): the denominator of the end-based rates. Refused, withdrawn and stopped dossiers
     * produce no result and are not counted here.
     */
    ENDED,
    /** Dossiers received whose procedure code is not in the catalog. */
    RECEIVED_UNREGISTERED,
    PT_00, PT_01, PT_02, PT_03, PT_04, PT_05, PT_06, PT_07,
    PT_08, PT_09, PT_10, PT_11, PT_12, PT_13, PT_14, PT_15,
    /**
     * Dossiers of catalogued procedures whose source system promised an appointment (its
     * {@code dueAt}, NgayHenTra) on an earlier local date than the legal computation: a data-quality
     * signal, counted once per dossier on the date the two are first both known.
     */
    SOURCE_DUE_EARLIER,
    /** The same, the source's appointment on a later local date than the law gives. */
    SOURCE_DUE_LATER,
    /**
     * Dossiers resolved with no due to judge them by (a procedure outside the catalog whose source
     * gave no appointment): "SLA untracked", in neither the on-time nor the late rate.
     */
    RESOLVED_UNTRACKED,
    /** The open stock of such dossiers, by date of acceptance; they move to OPEN_ON_TIME when a due arrives. */
    OPEN_UNTRACKED,
    /** Apologies beyond the configured number of new appointments: counted, the date left as it was. */
    REAPPOINTMENTS_BEYOND_LIMIT,
    /**
     * Inter-agency steps ended (by a transfer or the resolution) within their own allotment, counted
     * under the agency that held the dossier during the step, on the date the step ended.
     */
    STEPS_ON_TIME,
    /** The same, steps ended after their allotment's due: the agencies a multi-agency dossier was late at. */
    STEPS_LATE,
    /**
     * Dossiers resolved within an agency's committed time (shorter than the statutory limit;
     * docs/domain.md, "Committed times"), counted beside their statutory outcome.
     */
    RESOLVED_WITHIN_COMMITMENT,
    /** The same, resolved after the committed time (whether or not within the statutory limit). */
    RESOLVED_BEYOND_COMMITMENT,
    /**
     * The open stock's moves, kept under the date each happened (the OPEN_ measures keep the stock
     * under the acceptance date): entering it, moving from on time to overdue, leaving it. With them
     * a period's open stock is read as it stood at the period's end ({@link PeriodTally}).
     */
    MOVED_OPEN_ON_TIME,
    /** See {@link #MOVED_OPEN_ON_TIME}. */
    MOVED_OPEN_OVERDUE,
    /** See {@link #MOVED_OPEN_ON_TIME}. */
    MOVED_OPEN_UNTRACKED,
    /**
     * Dossiers withdrawn or stopped after their due: processed late in the period they ended, so in
     * the on-time indicator's denominator (docs/indicators.md). Those ended within time are in neither term.
     */
    ENDED_NO_RESULT_OVERDUE;

    /** Each OPEN_ stock measure and the measure of its moves, index for index. */
    static final Measure[] STOCK = {OPEN_ON_TIME, OPEN_OVERDUE, OPEN_UNTRACKED};
    static final Measure[] STOCK_MOVES = {MOVED_OPEN_ON_TIME, MOVED_OPEN_OVERDUE, MOVED_OPEN_UNTRACKED};

    private static final Measure[] VALUES = values();

    public static final int COUNT = VALUES.length;

    public static Measure of(int ordinal) {
        return VALUES[ordinal];
    }

    /** The histogram measure of a processing-time bucket, 0-15. */
    public static Measure processingTimeBucket(int bucket) {
        return VALUES[PT_00.ordinal() + bucket];
    }
}
