package io.dossierpulse.domain.indicators;

import static io.dossierpulse.domain.indicators.Measure.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorsTest {

    private static final double EPS = 1e-9;

    @Test
    void emptyTallyHasNoValuesNoPointsAndNothingToScore() {
        Indicators i = Indicators.of(new Tally());
        for (Rate r : new Rate[] {i.onTime(), i.onlineSubmission(), i.onlinePayment(), i.digitization(), i.late()}) {
            assertFalse(r.defined(), r.toString());
            assertEquals(0, r.numerator());
            assertEquals(0, r.denominator());
        }
        assertNull(i.handlingSatisfaction());
        Indicators.Points p = i.points();
        assertNull(p.onTime());
        assertNull(p.onlineSubmission());
        assertNull(p.onlinePayment());
        assertNull(p.digitization());
        assertNull(p.handlingSatisfaction());
        assertEquals(0.0, p.total());
        assertEquals(0.0, p.max());
        assertEquals(0.0, i.total());
    }

    @ParameterizedTest(name = "early {0}, on time {1}, late {2}, open on time {3}, overdue {4}: {5}/{6}, {8} points")
    @CsvSource({
        // all late: 0
        "0, 0, 5, 0, 0,  0,  5, 0.0,  0.0",
        // all on time or early: full
        "3, 2, 0, 0, 0,  5,  5, 1.0,  20.0",
        // between
        "1, 1, 1, 1, 0,  3,  4, 0.75, 15.0",
        "2, 3, 4, 1, 2,  6, 12, 0.5,  10.0",
        "10, 5, 3, 2, 0, 17, 20, 0.85, 17.0",
        // open only: still-within-time dossiers count as on time, overdue ones do not
        "0, 0, 0, 3, 1,  3,  4, 0.75, 15.0",
        "0, 0, 0, 0, 4,  0,  4, 0.0,  0.0",
    })
    void onTimeCountsResolvedAndOpenDossiers(long early, long onTime, long late, long openOnTime, long overdue,
            long num, long den, double rate, double points) {
        Tally t = new Tally().add(RESOLVED_EARLY, early).add(RESOLVED_ON_TIME, onTime).add(RESOLVED_LATE, late)
            .add(OPEN_ON_TIME, openOnTime).add(OPEN_OVERDUE, overdue);
        Indicators i = Indicators.of(t);
        assertEquals(num, i.onTime().numerator());
        assertEquals(den, i.onTime().denominator());
        assertEquals(rate, i.onTime().value(), EPS);
        assertEquals(points, i.points().onTime(), EPS);
    }

    @Test
    void onTimeIgnoresDossiersEndedWithoutResolution() {
        Tally t = new Tally().add(RESOLVED_ON_TIME, 3).add(RESOLVED_LATE, 1)
            .add(NOT_ACCEPTED, 5).add(WITHDRAWN, 4).add(STOPPED, 2).add(RETURNED, 9).add(ENDED, 15);
        assertEquals(Rate.of(3, 4), Indicators.of(t).onTime());
    }

    @ParameterizedTest(name = "in person {0}, online {1}, postal {2}: {3}, {4} points")
    @CsvSource({
        "10, 0, 0, 0.0,   0.0",
        "7,  1, 0, 0.125, 3.0",
        "3,  1, 0, 0.25,  6.0",
        "5,  4, 1, 0.4,   9.6",
        // the threshold: full points at 50%
        "1,  1, 0, 0.5,   12.0",
        // above it: still 12
        "2,  3, 0, 0.6,   12.0",
        "0,  5, 0, 1.0,   12.0",
        // postal is not online
        "1,  0, 1, 0.0,   0.0",
    })
    void onlineSubmissionFullAtHalf(long inPerson, long online, long postal, double rate, double points) {
        Tally t = new Tally().add(RECEIVED_IN_PERSON, inPerson).add(RECEIVED_ONLINE, online).add(RECEIVED_POSTAL, postal);
        Indicators i = Indicators.of(t);
        assertEquals(online, i.onlineSubmission().numerator());
        assertEquals(inPerson + online + postal, i.onlineSubmission().denominator());
        assertEquals(rate, i.onlineSubmission().value(), EPS);
        assertEquals(points, i.points().onlineSubmission(), EPS);
        assertEquals(points, i.total(), EPS);
        assertEquals(Decision766.ONLINE_SUBMISSION_POINTS, i.points().max());
    }

    @ParameterizedTest(name = "fee-bearing {0}, paid online {1}: {2}, {3} points")
    @CsvSource({
        "4,   0, 0.0,  0.0",
        "4,   1, 0.25, 2.5",
        "4,   2, 0.5,  5.0",
        "200, 70, 0.35, 3.5",
        "4,   4, 1.0,  10.0",
    })
    void onlinePaymentIsTenTimesTheRate(long feeBearing, long paidOnline, double rate, double points) {
        Indicators i = Indicators.of(new Tally().add(ENDED, feeBearing + 3)
            .add(ENDED_FEE_BEARING, feeBearing).add(ENDED_PAID_ONLINE, paidOnline));
        assertEquals(Rate.of(paidOnline, feeBearing), i.onlinePayment());
        assertEquals(rate, i.onlinePayment().value(), EPS);
        assertEquals(points, i.points().onlinePayment(), EPS);
    }

    @Test
    void noFeeBearingDossiersMeansNoPaymentPointsAndNoPaymentMaximum() {
        Indicators i = Indicators.of(new Tally().add(ENDED, 10).add(ENDED_DIGITIZED, 8));
        assertFalse(i.onlinePayment().defined());
        assertNull(i.points().onlinePayment());
        assertEquals(22.0, i.points().total(), EPS);
        assertEquals(22.0, i.points().max());
    }

    @ParameterizedTest(name = "ended {0}, digitized {1}: {2}, {3} points")
    @CsvSource({
        "10, 0,  0.0, 0.0",
        "5,  1,  0.2, 5.5",
        "10, 4,  0.4, 11.0",
        // the threshold: full points at 80%
        "10, 8,  0.8, 22.0",
        "10, 9,  0.9, 22.0",
        "10, 10, 1.0, 22.0",
    })
    void digitizationFullAtEightyPercent(long ended, long digitized, double rate, double points) {
        Indicators i = Indicators.of(new Tally().add(ENDED, ended).add(ENDED_DIGITIZED, digitized));
        assertEquals(Rate.of(digitized, ended), i.digitization());
        assertEquals(rate, i.digitization().value(), EPS);
        assertEquals(points, i.points().digitization(), EPS);
    }

    @ParameterizedTest(name = "early {0}, on time {1}, late {2}: late {3}, satisfaction {4}, {5} points")
    @CsvSource({
        "10, 0, 0, 0.0,  1.0,  6.0",
        "19, 0, 1, 0.05, 0.95, 6.0",
        // the threshold: 10% late leaves 90%, full points
        "9,  0, 1, 0.1,  0.9,  6.0",
        "5,  4, 1, 0.1,  0.9,  6.0",
        "14, 4, 2, 0.1,  0.9,  6.0",
        // below it, linear: 6 x satisfaction / 0.9
        "0,  8, 2, 0.2,  0.8,  5.333333333333333",
        "1,  0, 1, 0.5,  0.5,  3.333333333333333",
        "0,  0, 4, 1.0,  0.0,  0.0",
    })
    void handlingSatisfactionIsOneMinusLateRate(long early, long onTime, long late,
            double lateRate, double satisfaction, double points) {
        Indicators i = Indicators.of(new Tally().add(RESOLVED_EARLY, early).add(RESOLVED_ON_TIME, onTime)
            .add(RESOLVED_LATE, late).add(OPEN_OVERDUE, 7));
        assertEquals(Rate.of(late, early + onTime + late), i.late());
        assertEquals(lateRate, i.late().value(), EPS);
        assertEquals(satisfaction, i.handlingSatisfaction(), EPS);
        assertEquals(points, i.points().handlingSatisfaction(), EPS);
    }

    @Test
    void openDossiersAloneGiveOnTimeButNoSatisfaction() {
        Indicators i = Indicators.of(new Tally().add(OPEN_ON_TIME, 3).add(OPEN_OVERDUE, 2));
        assertEquals(0.6, i.onTime().value(), EPS);
        assertEquals(12.0, i.points().onTime(), EPS);
        assertFalse(i.late().defined());
        assertNull(i.handlingSatisfaction());
        assertNull(i.points().handlingSatisfaction());
        assertEquals(20.0, i.points().max());
    }

    /** The worked example of docs/indicators.md. */
    @Test
    void workedExample() {
        Tally t = new Tally()
            .add(RECEIVED_IN_PERSON, 380).add(RECEIVED_ONLINE, 600).add(RECEIVED_POSTAL, 20)
            .add(RESOLVED_EARLY, 500).add(RESOLVED_ON_TIME, 380).add(RESOLVED_LATE, 40)
            .add(OPEN_ON_TIME, 70).add(OPEN_OVERDUE, 10)
            .add(ENDED, 920).add(ENDED_DIGITIZED, 552)
            .add(ENDED_FEE_BEARING, 200).add(ENDED_PAID_ONLINE, 70);
        Indicators i = Indicators.of(t);

        assertEquals(Rate.of(950, 1000), i.onTime());
        assertEquals(19.0, i.points().onTime(), EPS);
        assertEquals(Rate.of(600, 1000), i.onlineSubmission());
        assertEquals(12.0, i.points().onlineSubmission(), EPS);
        assertEquals(Rate.of(70, 200), i.onlinePayment());
        assertEquals(3.5, i.points().onlinePayment(), EPS);
        assertEquals(Rate.of(552, 920), i.digitization());
        assertEquals(16.5, i.points().digitization(), EPS);
        assertEquals(Rate.of(40, 920), i.late());
        assertEquals(1 - 40.0 / 920, i.handlingSatisfaction(), EPS);
        assertEquals(6.0, i.points().handlingSatisfaction(), EPS);
        assertEquals(57.0, i.total(), EPS);
        assertEquals(70.0, i.points().max());
    }

    @Test
    void countsNotInAnyFormulaChangeNothing() {
        Tally base = new Tally().add(RECEIVED_ONLINE, 3).add(RESOLVED_ON_TIME, 2).add(ENDED, 2);
        Tally noisy = base.copy().add(ACCEPTED, 40).add(SUPPLEMENT_REQUESTS, 9).add(APOLOGIES, 4)
            .add(RECEIVED_UNREGISTERED, 2).add(RETURNED, 2).add(PT_03, 2);
        assertEquals(Indicators.of(base), Indicators.of(noisy));
    }

    @Test
    void seededRandomTalliesStayInBounds() {
        long seed = 766_2022L;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int c = 0; c < 2_000; c++) {
            Tally t = randomConsistentTally(rnd);
            Indicators i = Indicators.of(t);
            String ctx = "seed " + seed + " case " + c + ": " + t;
            double sum = 0;
            double max = 0;
            Double[] pts = {i.points().onTime(), i.points().onlineSubmission(), i.points().onlinePayment(),
                i.points().digitization(), i.points().handlingSatisfaction()};
            double[] maxima = {20, 12, 10, 22, 6};
            Rate[] rates = {i.onTime(), i.onlineSubmission(), i.onlinePayment(), i.digitization(), i.late()};
            for (int k = 0; k < pts.length; k++) {
                Rate r = rates[k];
                if (r.defined()) {
                    assertTrue(r.value() >= 0 && r.value() <= 1, ctx);
                }
                if (pts[k] != null) {
                    assertTrue(pts[k] >= 0 && pts[k] <= maxima[k], ctx);
                    sum += pts[k];
                    max += maxima[k];
                }
            }
            assertEquals(rates[0].defined(), pts[0] != null, ctx);
            assertEquals(i.late().defined(), pts[4] != null, ctx);
            assertEquals(sum, i.total(), 1e-9, ctx);
            assertEquals(max, i.points().max(), ctx);
            assertTrue(i.total() <= Decision766.COMPUTABLE_MAX, ctx);
            // merging with an empty tally, or copying, changes nothing
            assertEquals(i, Indicators.of(t.copy().merge(new Tally())), ctx);
        }
    }

    private static Tally randomConsistentTally(SplittableRandom rnd) {
        Tally t = new Tally();
        for (Measure m : new Measure[] {RECEIVED_IN_PERSON, RECEIVED_ONLINE, RECEIVED_POSTAL, RESOLVED_EARLY,
                RESOLVED_ON_TIME, RESOLVED_LATE, OPEN_ON_TIME, OPEN_OVERDUE}) {
            t.add(m, rnd.nextInt(4) == 0 ? 0 : rnd.nextLong(1_000));
        }
        long ended = t.resolved() + rnd.nextLong(50);
        long feeBearing = rnd.nextLong(ended + 1);
        t.add(ENDED, ended).add(ENDED_DIGITIZED, rnd.nextLong(ended + 1))
            .add(ENDED_FEE_BEARING, feeBearing).add(ENDED_PAID_ONLINE, rnd.nextLong(feeBearing + 1));
        return t;
    }
}
