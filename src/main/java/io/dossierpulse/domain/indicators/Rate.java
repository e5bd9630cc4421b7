package io.dossierpulse.domain.indicators;

/**
 * A ratio of two counts. {@code value} is {@code numerator / denominator}, or {@code null} when the
 * denominator is not positive: "no dossiers" is not 0% and not NaN (which JSON cannot carry).
 */
public record Rate(long numerator, long denominator, Double value) {

    public Rate {
        Double expected = ratio(numerator, denominator);
        if (!java.util.Objects.equals(value, expected)) {
            throw new IllegalArgumentException(
                "value " + value + " does not match " + numerator + "/" + denominator);
        }
    }

    public static Rate of(long numerator, long denominator) {
        return new Rate(numerator, denominator, ratio(numerator, denominator));
    }

    /** Whether there was anything to divide by. */
    public boolean defined() {
        return value != null;
    }

    private static Double ratio(long numerator, long denominator) {
        return denominator > 0 ? (double) numerator / denominator : null;
    }
}
