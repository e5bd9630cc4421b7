package io.dossierpulse.domain.calendar;

/**
 * The two astronomical quantities the lunar calendar needs: instants of new moon and the Sun's
 * apparent longitude. Series after J. Meeus, <i>Astronomical Algorithms</i> (2nd ed.), chapters 25
 * and 49; new moons come out within a few seconds, the Sun within about 0.01 degree (a quarter of
 * an hour of its motion), which dates months and major solar terms to the day except in the
 * rarest near-midnight cases.
 *
 * <p>All Julian days here are Julian Ephemeris Days (TT) unless the name says UT.
 */
final class Astronomy {

    /** Julian day of 1970-01-01T00:00Z: epoch day {@code e} begins at JD {@code e + UNIX_EPOCH_JD}. */
    static final double UNIX_EPOCH_JD = 2440587.5;

    private static final double J2000 = 2451545.0;
    private static final double SYNODIC_MONTH = 29.530588861;
    private static final double FIRST_NEW_MOON_2000 = 2451550.09766;

    private Astronomy() {
    }

    /** The lunation number k (k = 0 is the new moon of 6 January 2000) whose new moon is nearest to {@code jd}. */
    static long lunationNear(double jd) {
        return Math.round((jd - FIRST_NEW_MOON_2000) / SYNODIC_MONTH);
    }

    /** Instant (JD, universal time) of new moon number k. */
    static double newMoonUt(long k) {
        double jde = newMoonJde(k);
        return jde - deltaTSeconds(jde) / 86400.0;
    }

    /** Instant (JDE, dynamical time) of new moon number k: mean phase plus periodic terms (Meeus 49). */
    static double newMoonJde(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double jde = FIRST_NEW_MOON_2000 + SYNODIC_MONTH * k
                + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;

        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        double mp = rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        double f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        double om = rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);

        double c = -0.40720 * Math.sin(mp)
                + 0.17241 * e * Math.sin(m)
                + 0.01608 * Math.sin(2 * mp)
                + 0.01039 * Math.sin(2 * f)
                + 0.00739 * e * Math.sin(mp - m)
                - 0.00514 * e * Math.sin(mp + m)
                + 0.00208 * e * e * Math.sin(2 * m)
                - 0.00111 * Math.sin(mp - 2 * f)
                - 0.00057 * Math.sin(mp + 2 * f)
                + 0.00056 * e * Math.sin(2 * mp + m)
                - 0.00042 * Math.sin(3 * mp)
                + 0.00042 * e * Math.sin(m + 2 * f)
                + 0.00038 * e * Math.sin(m - 2 * f)
                - 0.00024 * e * Math.sin(2 * mp - m)
                - 0.00017 * Math.sin(om)
                - 0.00007 * Math.sin(mp + 2 * m)
                + 0.00004 * Math.sin(2 * mp - 2 * f)
                + 0.00004 * Math.sin(3 * m)
                + 0.00003 * Math.sin(mp + m - 2 * f)
                + 0.00003 * Math.sin(2 * mp + 2 * f)
                - 0.00003 * Math.sin(mp + m + 2 * f)
                + 0.00003 * Math.sin(mp - m + 2 * f)
                - 0.00002 * Math.sin(mp - m - 2 * f)
                - 0.00002 * Math.sin(3 * mp + m)
                + 0.00002 * Math.sin(4 * mp);

        // Planetary perturbations: each well under a minute, together up to about two.
        double p = 0.000325 * sinDeg(299.77 + 0.107408 * k - 0.009173 * t2)
                + 0.000165 * sinDeg(251.88 + 0.016321 * k)
                + 0.000164 * sinDeg(251.83 + 26.651886 * k)
                + 0.000126 * sinDeg(349.42 + 36.412478 * k)
                + 0.000110 * sinDeg(84.66 + 18.206239 * k)
                + 0.000062 * sinDeg(141.74 + 53.303771 * k)
                + 0.000060 * sinDeg(207.14 + 2.453732 * k)
                + 0.000056 * sinDeg(154.84 + 7.306860 * k)
                + 0.000047 * sinDeg(34.52 + 27.261239 * k)
                + 0.000042 * sinDeg(207.19 + 0.121824 * k)
                + 0.000040 * sinDeg(291.34 + 1.844379 * k)
                + 0.000037 * sinDeg(161.72 + 24.198154 * k)
                + 0.000035 * sinDeg(239.56 + 25.513099 * k)
                + 0.000023 * sinDeg(331.55 + 3.592518 * k);
        return jde + c + p;
    }

    /** The Sun's apparent geocentric longitude in degrees [0, 360) at JDE {@code jde} (Meeus 25, low accuracy). */
    static double apparentSolarLongitude(double jde) {
        double t = (jde - J2000) / 36525.0;
        double t2 = t * t;
        double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t2;
        double m = rad(357.52911 + 35999.05029 * t - 0.0001537 * t2);
        double center = (1.914602 - 0.004817 * t - 0.000014 * t2) * Math.sin(m)
                + (0.019993 - 0.000101 * t) * Math.sin(2 * m)
                + 0.000289 * Math.sin(3 * m);
        double omega = rad(125.04 - 1934.136 * t);
        double lambda = l0 + center - 0.00569 - 0.00478 * Math.sin(omega);
        lambda %= 360.0;
        return lambda < 0 ? lambda + 360.0 : lambda;
    }

    /** The Sun's apparent longitude at the universal-time instant {@code jdUt}. */
    static double apparentSolarLongitudeUt(double jdUt) {
        return apparentSolarLongitude(jdUt + deltaTSeconds(jdUt) / 86400.0);
    }

    /**
     * TT - UT in seconds: the Espenak-Meeus polynomials for 1900-2150 and their parabola beyond.
     * After today it is an extrapolation; its error (minutes by 2200) only matters for new moons
     * within minutes of local midnight.
     */
    static double deltaTSeconds(double jd) {
        double y = 2000.0 + (jd - J2000) / 365.25;
        double t;
        if (y < 1900) {
            // Outside the supported range; the long-term parabola keeps the function continuous enough.
            double u = (y - 1820) / 100;
            return -20 + 32 * u * u;
        } else if (y < 1920) {
            t = y - 1900;
            return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t - 0.000197 * t * t * t * t;
        } else if (y < 1941) {
            t = y - 1920;
            return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
        } else if (y < 1961) {
            t = y - 1950;
            return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
        } else if (y < 1986) {
            t = y - 1975;
            return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
        } else if (y < 2005) {
            t = y - 2000;
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t
                    + 0.000651814 * t * t * t * t + 0.00002373599 * t * t * t * t * t;
        } else if (y < 2050) {
            t = y - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        } else if (y < 2150) {
            double u = (y - 1820) / 100;
            return -20 + 32 * u * u - 0.5628 * (2150 - y);
        }
        double u = (y - 1820) / 100;
        return -20 + 32 * u * u;
    }

    private static double rad(double degrees) {
        return Math.toRadians(degrees % 360.0);
    }

    private static double sinDeg(double degrees) {
        return Math.sin(rad(degrees));
    }
}
