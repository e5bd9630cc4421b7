package io.dossierpulse.domain.dossier;

import java.time.Duration;

/**
 * Bounds on what a client can make a dossier's intake do: an event dated further ahead of the wall
 * clock than {@code maxFutureSkew} would hold its partition's event time (and so its deadlines) in
 * the future; a seq more than {@code maxSeqGap} beyond the next expected one would be held, then
 * skipped to, and leave the dossier unable to take its real next events. Both are refused.
 *
 * @param maxFutureSkew how far ahead of the wall clock an event may be dated (clocks drift)
 * @param maxSeqGap     how many missing seqs an event may be ahead of its dossier's next expected one
 */
public record IntakeLimits(Duration maxFutureSkew, long maxSeqGap) {

    public static final IntakeLimits DEFAULT = new IntakeLimits(Duration.ofMinutes(10), 1_000);

    public IntakeLimits {
        if (maxFutureSkew.isNegative() || maxSeqGap < 0) {
            throw new IllegalArgumentException("intake limits must not be negative: " + maxFutureSkew + ", " + maxSeqGap);
        }
    }
}
