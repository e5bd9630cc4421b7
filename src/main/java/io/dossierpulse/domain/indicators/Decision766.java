package io.dossierpulse.domain.indicators;

/**
 * Weights and thresholds of the indicator set of Decision 766/QD-TTg (23 June 2022), as the product
 * documents them (docs/indicators.md). The formula texts come from third-party transcriptions, so
 * these are configurable numbers, not a legal reading.
 *
 * <p>Groups, 100 points: transparency 18, progress 20, digitization 22, online services 22 (online
 * services 12 + online payment 10), satisfaction 18 (three equal parts of 6: on-time handling of
 * feedback, satisfaction with feedback handling, satisfaction with dossier handling).
 */
public final class Decision766 {

    /** "Dossiers resolved on time or still within time / dossiers received or processed": 20 x rate. */
    public static final double ON_TIME_POINTS = 20;
    public static final double ON_TIME_FULL_AT = 1.0;

    /** "Online-received / all received": 12 points, full at 50% or more, linear below. */
    public static final double ONLINE_SUBMISSION_POINTS = 12;
    public static final double ONLINE_SUBMISSION_FULL_AT = 0.5;

    /** "Dossiers paid online / dossiers of fee-bearing procedures": 10 x rate. */
    public static final double ONLINE_PAYMENT_POINTS = 10;
    public static final double ONLINE_PAYMENT_FULL_AT = 1.0;

    /** "Dossiers with digitized components and an electronic result / all": 22 points, full at 80%. */
    public static final double DIGITIZATION_POINTS = 22;
    public static final double DIGITIZATION_FULL_AT = 0.8;

    /** "100% - (late rate + complaint rate)": the dossier part of satisfaction, 6 points, full at 90%. */
    public static final double HANDLING_SATISFACTION_POINTS = 6;
    public static final double HANDLING_SATISFACTION_FULL_AT = 0.9;

    /** Complaints (phan anh, kien nghi) are not in the event stream: their rate counts as 0. */
    public static final double COMPLAINT_RATE = 0.0;

    /** Not computable from dossier events: published procedures and their timeliness. */
    public static final double TRANSPARENCY_POINTS = 18;
    /** Not computable from dossier events: the two feedback parts of the satisfaction group. */
    public static final double FEEDBACK_POINTS = 12;

    /** What the computable indicators can score together: 20 + 12 + 10 + 22 + 6. */
    public static final double COMPUTABLE_MAX = ON_TIME_POINTS + ONLINE_SUBMISSION_POINTS + ONLINE_PAYMENT_POINTS
        + DIGITIZATION_POINTS + HANDLING_SATISFACTION_POINTS;

    private Decision766() {
    }

    /**
     * Points for a value: full points at or above {@code fullAt}, linear from 0 below it, never
     * negative (a value below 0 only comes from inconsistent counts).
     */
    public static double points(double maxPoints, double value, double fullAt) {
        if (value >= fullAt) {
            return maxPoints;
        }
        return value <= 0 ? 0.0 : maxPoints * (value / fullAt);
    }
}
