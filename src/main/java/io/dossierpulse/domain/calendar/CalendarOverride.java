package io.dossierpulse.domain.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An operator's correction of one day, applied on top of holidays and official schedules: a day
 * off the calendar does not know (a local decision, a schedule not yet shipped), or a make-up
 * working day.
 *
 * <p>File format, UTF-8, one per line: {@code date,OFF|WORK,reason}, e.g.
 * {@code 2026-05-02,OFF,nghỉ bù} or {@code 2026-04-25,WORK,làm bù}. The reason is optional and
 * may contain commas; blank lines and lines starting with {@code #} are ignored. A later line for
 * the same date wins.
 */
public record CalendarOverride(LocalDate date, boolean working, String reason) {

    public CalendarOverride {
        Objects.requireNonNull(date, "date");
        reason = reason == null ? "" : reason;
    }

    public static CalendarOverride off(LocalDate date, String reason) {
        return new CalendarOverride(date, false, reason);
    }

    public static CalendarOverride work(LocalDate date, String reason) {
        return new CalendarOverride(date, true, reason);
    }

    public DayKind kind() {
        return working ? DayKind.OVERRIDE_WORK : DayKind.OVERRIDE_OFF;
    }

    /** Reads an override file. */
    public static List<CalendarOverride> parse(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calendar overrides " + file, e);
        }
    }

    /**
     * Reads override lines; the reader is not closed.
     *
     * @throws IllegalArgumentException naming the line of the first malformed entry
     */
    public static List<CalendarOverride> parse(Reader reader) {
        List<CalendarOverride> out = new ArrayList<>();
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        int lineNo = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                String s = line.strip();
                if (lineNo == 1 && s.startsWith("\uFEFF")) {
                    s = s.substring(1).strip();
                }
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                String[] f = s.split(",", 3);
                if (f.length < 2) {
                    throw new IllegalArgumentException("line " + lineNo + ": expected date,OFF|WORK,reason: " + line);
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(f[0].strip());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("line " + lineNo + ": bad date '" + f[0].strip() + "'", e);
                }
                String kind = f[1].strip();
                boolean working;
                if (kind.equalsIgnoreCase("OFF")) {
                    working = false;
                } else if (kind.equalsIgnoreCase("WORK")) {
                    working = true;
                } else {
                    throw new IllegalArgumentException("line " + lineNo + ": kind must be OFF or WORK, not '" + kind + "'");
                }
                out.add(new CalendarOverride(date, working, f.length > 2 ? f[2].strip() : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calendar overrides", e);
        }
        return List.copyOf(out);
    }
}
