package io.dossierpulse.domain.indicators;

import static io.dossierpulse.domain.indicators.Decision766.*;

/**
 * The Decision 766 indicators computable from the counters of a {@link Tally} (one agency and period,
 * or any sum). An indicator whose denominator is 0 has no value and no points, and its points are
 * left out of {@link Points#max()}: an agency with no fee-bearing dossiers is not marked down to 0%,
 * it simply cannot score those 10 points.
 *
 * @param onTime (RESOLVED_EARLY + RESOLVED_ON_TIME + OPEN_ON_TIME) / (resolved + open +
 *               ENDED_NO_RESULT_OVERDUE), all judged against a due ("SLA untracked" dossiers are left
 *               out); over a period the open stock is the one at its end ({@link PeriodTally})
 * @param onlineSubmission RECEIVED_ONLINE / (RECEIVED_IN_PERSON + RECEIVED_ONLINE + RECEIVED_POSTAL)
 * @param onlinePayment ENDED_PAID_ONLINE / ENDED_FEE_BEARING
 * @param digitization ENDED_DIGITIZED / ENDED
 * @param late RESOLVED_LATE / resolved (judged against a due)
 * @param handlingSatisfaction 1 - (late + {@link Decision766#COMPLAINT_RATE}); null without resolved dossiers
 * @param withinCommitment RESOLVED_WITHIN_COMMITMENT / (WITHIN + BEYOND): against agencies' committed
 *                         times, beside the statutory basis; no points
 */
public record Indicators(
        Rate onTime,
        Rate onlineSubmission,
        Rate onlinePayment,
        Rate digitization,
        Rate late,
        Double handlingSatisfaction,
        Rate withinCommitment,
        Points points) {

    /**
     * Points per indicator (null when it has no value), their total, and the most the indicators
     * with a value could have scored (at most {@link Decision766#COMPUTABLE_MAX}).
     */
    public record Points(
            Double onTime,
            Double onlineSubmission,
            Double onlinePayment,
            Double digitization,
            Double handlingSatisfaction,
            double total,
            double max) {
    }

    public static Indicators of(Tally t) {
        // Dossiers without a due ("SLA untracked") are in neither rate: they cannot be on time or late.
        long resolved = t.judgedResolved();
        // Dossiers withdrawn or stopped past their due count against the period they ended in.
        Rate onTime = Rate.of(
            t.get(Measure.RESOLVED_EARLY) + t.get(Measure.RESOLVED_ON_TIME) + t.get(Measure.OPEN_ON_TIME),
            resolved + t.judgedOpen() + t.get(Measure.ENDED_NO_RESULT_OVERDUE));
        Rate online = Rate.of(t.get(Measure.RECEIVED_ONLINE), t.received());
        Rate payment = Rate.of(t.get(Measure.ENDED_PAID_ONLINE), t.get(Measure.ENDED_FEE_BEARING));
        Rate digitization = Rate.of(t.get(Measure.ENDED_DIGITIZED), t.get(Measure.ENDED));
        Rate late = Rate.of(t.get(Measure.RESOLVED_LATE), resolved);
        Double satisfaction = late.defined() ? 1.0 - (late.value() + COMPLAINT_RATE) : null;

        Double onTimePts = score(ON_TIME_POINTS, onTime.value(), ON_TIME_FULL_AT);
        Double onlinePts = score(ONLINE_SUBMISSION_POINTS, online.value(), ONLINE_SUBMISSION_FULL_AT);
        Double paymentPts = score(ONLINE_PAYMENT_POINTS, payment.value(), ONLINE_PAYMENT_FULL_AT);
        Double digitizationPts = score(DIGITIZATION_POINTS, digitization.value(), DIGITIZATION_FULL_AT);
        Double satisfactionPts = score(HANDLING_SATISFACTION_POINTS, satisfaction, HANDLING_SATISFACTION_FULL_AT);

        double total = 0.0;
        double max = 0.0;
        if (onTimePts != null) {
            total += onTimePts;
            max += ON_TIME_POINTS;
        }
        if (onlinePts != null) {
            total += onlinePts;
            max += ONLINE_SUBMISSION_POINTS;
        }
        if (paymentPts != null) {
            total += paymentPts;
            max += ONLINE_PAYMENT_POINTS;
        }
        if (digitizationPts != null) {
            total += digitizationPts;
            max += DIGITIZATION_POINTS;
        }
        if (satisfactionPts != null) {
            total += satisfactionPts;
            max += HANDLING_SATISFACTION_POINTS;
        }
        Rate commitment = Rate.of(t.get(Measure.RESOLVED_WITHIN_COMMITMENT),
            t.get(Measure.RESOLVED_WITHIN_COMMITMENT) + t.get(Measure.RESOLVED_BEYOND_COMMITMENT));
        return new Indicators(onTime, online, payment, digitization, late, satisfaction, commitment,
            new Points(onTimePts, onlinePts, paymentPts, digitizationPts, satisfactionPts, total, max));
    }

    /** The total of the computable points. */
    public double total() {
        return points.total();
    }

    private static Double score(double maxPoints, Double value, double fullAt) {
        return value == null ? null : Decision766.points(maxPoints, value, fullAt);
    }
}
