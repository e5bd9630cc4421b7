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
    SOURCE_DUE_LATER;

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
