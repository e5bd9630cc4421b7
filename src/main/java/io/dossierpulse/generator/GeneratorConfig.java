package io.dossierpulse.generator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Knobs of the traffic generator. Shares are probabilities per dossier; the defaults follow the
 * Hanoi figures of docs/domain.md (about 12,000 dossiers a day, 59.71% online, 0.24% by post,
 * 98-99.8% on time).
 *
 * @param seed               same seed, same sequence of events
 * @param start              simulated instant from which dossiers are submitted
 * @param dossiersPerDay     mean submissions per simulated day, city-wide, averaged over a week
 * @param maxDossiers        stop submitting after this many dossiers; 0 for no limit
 * @param submitUntil        stop submitting at this simulated instant; null for no limit. Once
 *                           submissions stop, the open dossiers run to their end and the stream ends
 * @param idPrefix           first part of dossier ids, 1-16 ASCII letters or digits, e.g. "HN"
 * @param onlineShare        share of dossiers submitted online
 * @param postalShare        share submitted by public postal service (the rest: in person)
 * @param notAcceptedShare   share refused at the desk (NOT_ACCEPTED)
 * @param withdrawnShare     share withdrawn by the applicant, before or during processing
 * @param stoppedShare       share whose processing is stopped (STOPPED)
 * @param oneSupplementShare share with exactly one supplement round
 * @param twoSupplementShare share with two supplement rounds
 * @param lateShare          share of processed dossiers resolved after their due date
 * @param apologyShareOfLate share of late dossiers that get an apology and a new appointment first
 */
public record GeneratorConfig(
        long seed,
        Instant start,
        double dossiersPerDay,
        long maxDossiers,
        Instant submitUntil,
        String idPrefix,
        double onlineShare,
        double postalShare,
        double notAcceptedShare,
        double withdrawnShare,
        double stoppedShare,
        double oneSupplementShare,
        double twoSupplementShare,
        double lateShare,
        double apologyShareOfLate) {

    /** Midnight, 1 January 2025, Hanoi time. */
    public static final Instant DEFAULT_START =
            OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, io.dossierpulse.domain.calendar.WorkingCalendar.OFFSET).toInstant();

    public static final double DEFAULT_DOSSIERS_PER_DAY = 12_000;

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]{1,16}");

    public GeneratorConfig {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(idPrefix, "idPrefix");
        if (!(dossiersPerDay > 0) || Double.isInfinite(dossiersPerDay)) {
            throw new IllegalArgumentException("dossiersPerDay must be positive: " + dossiersPerDay);
        }
        if (maxDossiers < 0) {
            throw new IllegalArgumentException("maxDossiers must be 0 (no limit) or positive: " + maxDossiers);
        }
        if (!PREFIX.matcher(idPrefix).matches()) {
            throw new IllegalArgumentException("idPrefix must be 1-16 ASCII letters or digits: " + idPrefix);
        }
        share("onlineShare", onlineShare);
        share("postalShare", postalShare);
        share("notAcceptedShare", notAcceptedShare);
        share("withdrawnShare", withdrawnShare);
        share("stoppedShare", stoppedShare);
        share("oneSupplementShare", oneSupplementShare);
        share("twoSupplementShare", twoSupplementShare);
        share("lateShare", lateShare);
        share("apologyShareOfLate", apologyShareOfLate);
        share("onlineShare + postalShare", onlineShare + postalShare);
        share("notAcceptedShare + withdrawnShare + stoppedShare", notAcceptedShare + withdrawnShare + stoppedShare);
        share("oneSupplementShare + twoSupplementShare", oneSupplementShare + twoSupplementShare);
    }

    /** Hanoi-like defaults with seed 1, from {@link #DEFAULT_START}, without end. */
    public static GeneratorConfig defaults() {
        return new GeneratorConfig(1L, DEFAULT_START, DEFAULT_DOSSIERS_PER_DAY, 0, null, "HN",
                0.5971, 0.0024, 0.02, 0.01, 0.002, 0.08, 0.01, 0.005, 0.5);
    }

    public GeneratorConfig withSeed(long newSeed) {
        return new GeneratorConfig(newSeed, start, dossiersPerDay, maxDossiers, submitUntil, idPrefix, onlineShare,
                postalShare, notAcceptedShare, withdrawnShare, stoppedShare, oneSupplementShare, twoSupplementShare,
                lateShare, apologyShareOfLate);
    }

    public GeneratorConfig withStart(Instant newStart) {
        return new GeneratorConfig(seed, newStart, dossiersPerDay, maxDossiers, submitUntil, idPrefix, onlineShare,
                postalShare, notAcceptedShare, withdrawnShare, stoppedShare, oneSupplementShare, twoSupplementShare,
                lateShare, apologyShareOfLate);
    }

    public GeneratorConfig withDossiersPerDay(double newRate) {
        return new GeneratorConfig(seed, start, newRate, maxDossiers, submitUntil, idPrefix, onlineShare,
                postalShare, notAcceptedShare, withdrawnShare, stoppedShare, oneSupplementShare, twoSupplementShare,
                lateShare, apologyShareOfLate);
    }

    public GeneratorConfig withMaxDossiers(long newMax) {
        return new GeneratorConfig(seed, start, dossiersPerDay, newMax, submitUntil, idPrefix, onlineShare,
                postalShare, notAcceptedShare, withdrawnShare, stoppedShare, oneSupplementShare, twoSupplementShare,
                lateShare, apologyShareOfLate);
    }

    public GeneratorConfig withSubmitUntil(Instant newEnd) {
        return new GeneratorConfig(seed, start, dossiersPerDay, maxDossiers, newEnd, idPrefix, onlineShare,
                postalShare, notAcceptedShare, withdrawnShare, stoppedShare, oneSupplementShare, twoSupplementShare,
                lateShare, apologyShareOfLate);
    }

    public GeneratorConfig withIdPrefix(String newPrefix) {
        return new GeneratorConfig(seed, start, dossiersPerDay, maxDossiers, submitUntil, newPrefix, onlineShare,
                postalShare, notAcceptedShare, withdrawnShare, stoppedShare, oneSupplementShare, twoSupplementShare,
                lateShare, apologyShareOfLate);
    }

    /** Same knobs with other lifecycle shares; pass the current values to keep one. */
    public GeneratorConfig withOutcomes(double notAccepted, double withdrawn, double stopped,
                                        double oneSupplement, double twoSupplements, double late, double apologyOfLate) {
        return new GeneratorConfig(seed, start, dossiersPerDay, maxDossiers, submitUntil, idPrefix, onlineShare,
                postalShare, notAccepted, withdrawn, stopped, oneSupplement, twoSupplements, late, apologyOfLate);
    }

    /** Same knobs with another channel mix. */
    public GeneratorConfig withChannels(double online, double postal) {
        return new GeneratorConfig(seed, start, dossiersPerDay, maxDossiers, submitUntil, idPrefix, online,
                postal, notAcceptedShare, withdrawnShare, stoppedShare, oneSupplementShare, twoSupplementShare,
                lateShare, apologyShareOfLate);
    }

    private static void share(String name, double value) {
        if (!(value >= 0 && value <= 1.0 + 1e-9)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1]: " + value);
        }
    }
}
