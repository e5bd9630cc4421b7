package io.dossierpulse.bench;

import io.dossierpulse.domain.calendar.WorkingCalendar;
import io.dossierpulse.domain.sla.SlaLimit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.SplittableRandom;

/**
 * Inputs shared by the benchmarks, all built before measurement from a fixed seed so that runs are
 * comparable. Arrays have a power-of-two size and are walked with a masked cursor: each call sees a
 * different value, which the JIT cannot fold into a constant, and the arrays still fit in cache.
 */
final class Workload {

    /** Length of every input array; a power of two. */
    static final int SIZE = 4096;
    static final int MASK = SIZE - 1;
    /** The year the instants fall in: it has the most official schedules (Tết, 30 Apr, make-up Saturday). */
    static final int YEAR = 2025;
    static final long SEED = 0x2025_0430L;

    private Workload() {
    }

    static SplittableRandom random(long salt) {
        return new SplittableRandom(SEED ^ salt);
    }

    /**
     * Instants on every day of the year, weekends, holidays and make-up days included. Three in
     * four fall between 07:00 and 18:00 local, around the office periods; the rest anywhere in the
     * day, as online submissions do.
     */
    static Instant[] instantsAcrossYear(SplittableRandom rnd) {
        LocalDate first = LocalDate.of(YEAR, 1, 1);
        int days = first.lengthOfYear();
        Instant[] out = new Instant[SIZE];
        for (int i = 0; i < SIZE; i++) {
            LocalDate day = first.plusDays(rnd.nextInt(days));
            int secondOfDay = rnd.nextInt(4) == 0 ? rnd.nextInt(86_400) : 7 * 3600 + rnd.nextInt(11 * 3600);
            out[i] = day.atStartOfDay().plusSeconds(secondOfDay).toInstant(WorkingCalendar.OFFSET);
        }
        return out;
    }

    static long[] epochSeconds(Instant[] instants) {
        long[] out = new long[instants.length];
        for (int i = 0; i < instants.length; i++) {
            out[i] = instants[i].getEpochSecond();
        }
        return out;
    }

    /**
     * An instant {@code minDays} to {@code maxDays} local days after {@code from}, at a random time
     * between 08:00 and 17:00, when officials act on a dossier; always later than {@code from}.
     */
    static Instant officeTimeAfter(Instant from, SplittableRandom rnd, int minDays, int maxDays) {
        LocalDate day = from.atOffset(WorkingCalendar.OFFSET).toLocalDate()
                .plusDays(minDays + rnd.nextInt(maxDays - minDays + 1));
        Instant at = day.atStartOfDay().plusSeconds(8 * 3600 + rnd.nextInt(9 * 3600)).toInstant(WorkingCalendar.OFFSET);
        return at.isAfter(from) ? at : at.plusSeconds(86_400);
    }

    /** A random span of {@code minSeconds} to {@code maxSeconds} after {@code from}. */
    static Instant later(Instant from, SplittableRandom rnd, long minSeconds, long maxSeconds) {
        return from.plusSeconds(minSeconds + rnd.nextLong(maxSeconds - minSeconds + 1));
    }

    /**
     * A limit in the catalog's notation: {@code 3d} working days, {@code 8h} working hours,
     * {@code same-day} or {@code same-day<15:00} with a cutoff.
     */
    static SlaLimit limit(String notation) {
        String s = notation.trim();
        if (s.startsWith("same-day")) {
            int cut = s.indexOf('<');
            return SlaLimit.sameDay(cut < 0 ? null : LocalTime.parse(s.substring(cut + 1)));
        }
        int amount = Integer.parseInt(s.substring(0, s.length() - 1));
        return switch (s.charAt(s.length() - 1)) {
            case 'd' -> SlaLimit.workingDays(amount);
            case 'h' -> SlaLimit.workingHours(amount);
            default -> throw new IllegalArgumentException("not a limit: " + notation);
        };
    }
}
