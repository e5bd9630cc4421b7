package io.dossierpulse.generator;

import io.dossierpulse.domain.Channel;
import java.util.SplittableRandom;

/**
 * Submission instants as a Poisson process whose intensity varies by hour of the week, with the
 * channel of each submission. Desk channels (in person, post) arrive only in office hours on
 * weekdays; online submissions arrive around the clock, busiest in office hours and lighter at
 * weekends. Each profile is scaled so that a whole week carries exactly its channel's share of
 * {@code 7 x dossiersPerDay} in expectation.
 *
 * <p>With a piecewise-constant intensity the next arrival is exact: draw an exponential amount of
 * "intensity mass" and walk the hourly segments until it is used up. No thinning, no rejection.
 */
final class ArrivalProcess {

    static final int HOURS_PER_WEEK = 168;

    /** Relative online activity by local hour on a weekday. */
    private static final double[] ONLINE_WEEKDAY = {
        0.15, 0.10, 0.08, 0.08, 0.10, 0.20, 0.40, 0.80, 1.30, 1.60, 1.60, 1.30,
        0.90, 1.10, 1.50, 1.50, 1.30, 1.00, 0.80, 0.80, 0.90, 0.80, 0.60, 0.30};
    private static final double SATURDAY_FACTOR = 0.45;
    private static final double SUNDAY_FACTOR = 0.30;
    /** Relative desk activity by local hour on a weekday; zero outside 08:00-12:00 and 13:00-17:00. */
    private static final double[] DESK_WEEKDAY = {
        0, 0, 0, 0, 0, 0, 0, 0, 1.00, 1.40, 1.40, 1.00,
        0, 0.90, 1.30, 1.20, 0.80, 0, 0, 0, 0, 0, 0, 0};

    /** Arrivals per millisecond, by hour of the week (Monday 00:00 local = 0). */
    private final double[] onlineRate = new double[HOURS_PER_WEEK];
    private final double[] deskRate = new double[HOURS_PER_WEEK];
    private final double postalShareOfDesk;
    private final SplittableRandom random;
    private double now;
    private Channel channel;

    ArrivalProcess(GeneratorConfig config, SplittableRandom random) {
        this.random = random;
        this.now = config.start().toEpochMilli();
        double perWeek = 7 * config.dossiersPerDay();
        double online = config.onlineShare();
        double desk = 1 - online;
        this.postalShareOfDesk = desk <= 0 ? 0 : Math.min(1, config.postalShare() / desk);
        scale(onlineProfile(), online * perWeek, onlineRate);
        scale(deskProfile(), desk * perWeek, deskRate);
    }

    /** Advances to the next submission and returns its instant (epoch ms); see {@link #channel()}. */
    long next() {
        double mass = -Math.log(1 - random.nextDouble());
        double t = now;
        while (true) {
            long ms = (long) Math.floor(t);
            int hour = hourOfWeek(ms);
            double rate = onlineRate[hour] + deskRate[hour];
            // UTC+7 is a whole number of hours, so UTC hour boundaries are local ones
            double segmentEnd = (Math.floorDiv(ms, OfficeHours.HOUR) + 1) * (double) OfficeHours.HOUR;
            double span = segmentEnd - t;
            if (rate > 0 && rate * span >= mass) {
                t += mass / rate;
                now = t;
                long at = (long) Math.floor(t);
                double u = random.nextDouble() * rate;
                if (u < onlineRate[hour]) {
                    channel = Channel.ONLINE;
                } else {
                    channel = random.nextDouble() < postalShareOfDesk ? Channel.POSTAL : Channel.IN_PERSON;
                }
                return at;
            }
            mass -= rate * span;
            t = segmentEnd;
        }
    }

    /** Channel of the submission last returned by {@link #next()}. */
    Channel channel() {
        return channel;
    }

    static int hourOfWeek(long t) {
        long day = OfficeHours.localDay(t);
        return OfficeHours.dayOfWeek(day) * 24 + (int) (OfficeHours.timeOfDay(t) / OfficeHours.HOUR);
    }

    private static double[] onlineProfile() {
        double[] p = new double[HOURS_PER_WEEK];
        for (int d = 0; d < 7; d++) {
            double f = d == 5 ? SATURDAY_FACTOR : d == 6 ? SUNDAY_FACTOR : 1;
            for (int h = 0; h < 24; h++) {
                p[d * 24 + h] = ONLINE_WEEKDAY[h] * f;
            }
        }
        return p;
    }

    private static double[] deskProfile() {
        double[] p = new double[HOURS_PER_WEEK];
        for (int d = 0; d < 5; d++) {
            System.arraycopy(DESK_WEEKDAY, 0, p, d * 24, 24);
        }
        return p;
    }

    private static void scale(double[] profile, double perWeek, double[] out) {
        double sum = 0;
        for (double v : profile) {
            sum += v;
        }
        for (int i = 0; i < profile.length; i++) {
            out[i] = sum == 0 ? 0 : perWeek * profile[i] / (sum * OfficeHours.HOUR);
        }
    }
}
