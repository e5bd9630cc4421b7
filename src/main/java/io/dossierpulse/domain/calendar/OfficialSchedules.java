package io.dossierpulse.domain.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The official yearly holiday schedules the calendar knows, read from a CSV file. The bundled file
 * is {@code /domain/calendar/official-schedules.csv}; operators can add their own.
 *
 * <p>Format, UTF-8: {@code year,holidays,kind,from,to,source,note} where holidays is one or more
 * {@link Holiday} names joined with {@code +}, kind is OFF or WORK, dates are ISO, source (required,
 * no commas) names the document that set the days, and the note (optional, may contain commas)
 * becomes the reason. Blank lines and {@code #} lines are ignored.
 */
public final class OfficialSchedules {

    /** Classpath location of the bundled schedules. */
    public static final String BUNDLED_RESOURCE = "/domain/calendar/official-schedules.csv";

    private static final OfficialSchedules NONE = new OfficialSchedules(List.of());

    private final List<OfficialSchedule> entries;

    private OfficialSchedules(List<OfficialSchedule> entries) {
        this.entries = List.copyOf(entries);
    }

    /** No official schedule: every year follows the Labour Code rules. */
    public static OfficialSchedules none() {
        return NONE;
    }

    public static OfficialSchedules of(List<OfficialSchedule> entries) {
        return new OfficialSchedules(entries);
    }

    /** The schedules shipped with the product (docs/domain.md). */
    public static OfficialSchedules bundled() {
        return Bundled.INSTANCE;
    }

    /** These schedules followed by {@code more}'s. */
    public OfficialSchedules plus(OfficialSchedules more) {
        List<OfficialSchedule> all = new ArrayList<>(entries);
        all.addAll(more.entries);
        return new OfficialSchedules(all);
    }

    public List<OfficialSchedule> entries() {
        return entries;
    }

    /** The schedule lines of holiday year {@code year}, in file order. */
    public List<OfficialSchedule> forYear(int year) {
        List<OfficialSchedule> out = new ArrayList<>(4);
        for (OfficialSchedule s : entries) {
            if (s.year() == year) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Parses schedule lines; the reader is not closed.
     *
     * @throws IllegalArgumentException naming the line of the first malformed entry
     */
    public static OfficialSchedules parse(Reader reader) {
        List<OfficialSchedule> out = new ArrayList<>();
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
                out.add(parseLine(s, lineNo));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read official schedules", e);
        }
        return new OfficialSchedules(out);
    }

    private static OfficialSchedule parseLine(String s, int lineNo) {
        String[] f = s.split(",", 7);
        if (f.length < 6) {
            throw new IllegalArgumentException("line " + lineNo + ": expected year,holidays,kind,from,to,source,note: " + s);
        }
        try {
            int year = Integer.parseInt(f[0].strip());
            Set<Holiday> holidays = EnumSet.noneOf(Holiday.class);
            for (String h : f[1].split("\\+")) {
                holidays.add(Holiday.valueOf(h.strip()));
            }
            String kind = f[2].strip();
            if (!kind.equals("OFF") && !kind.equals("WORK")) {
                throw new IllegalArgumentException("kind must be OFF or WORK, not '" + kind + "'");
            }
            LocalDate from = LocalDate.parse(f[3].strip());
            LocalDate to = LocalDate.parse(f[4].strip());
            return new OfficialSchedule(year, holidays, kind.equals("WORK"), from, to, f[5].strip(),
                    f.length > 6 ? f[6].strip() : "");
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + lineNo + ": " + e.getMessage(), e);
        }
    }

    /** Loaded on first use only. */
    private static final class Bundled {
        static final OfficialSchedules INSTANCE = load();

        private static OfficialSchedules load() {
            try (InputStream in = OfficialSchedules.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing classpath resource " + BUNDLED_RESOURCE);
                }
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + BUNDLED_RESOURCE, e);
            }
        }
    }
}
