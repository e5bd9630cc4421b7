package io.dossierpulse.domain.catalog;

import io.dossierpulse.domain.DataFileLines;
import io.dossierpulse.domain.agency.AgencyLevel;
import io.dossierpulse.domain.sla.LimitUnit;
import io.dossierpulse.domain.sla.SlaLimit;
import java.io.Reader;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the catalog's line format (docs/domain.md, "Procedure catalog"):
 * {@code code | name | domain | level | limit | fee | feePausesClock | steps}. Runs once at start-up,
 * so it favours complete error reports over speed.
 */
final class ProcedureFileParser {

    /** Beyond this many problems the file is plainly the wrong one; listing more helps nobody. */
    static final int MAX_PROBLEMS = 50;

    /** Nominal working minutes of a day, used only to compare step allotments with the total. */
    static final int NOMINAL_DAY_MINUTES = 480;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final Pattern AMOUNT = Pattern.compile("[1-9][0-9]{0,3}");
    private static final String SAME_DAY = "same-day";

    private final List<Procedure> procedures = new ArrayList<>();
    private final Map<String, Integer> lineOfCode = new HashMap<>();
    private final List<CatalogFormatException.Problem> problems = new ArrayList<>();

    private ProcedureFileParser() {
    }

    /** Parses a whole file; throws {@link CatalogFormatException} listing every problem found. */
    static List<Procedure> parse(Reader reader, String source) {
        ProcedureFileParser parser = new ProcedureFileParser();
        DataFileLines.read(reader, "procedure catalog " + source, () -> parser.problems.size() < MAX_PROBLEMS,
                parser::line);
        if (parser.problems.isEmpty() && parser.procedures.isEmpty()) {
            parser.problems.add(new CatalogFormatException.Problem(0, "no procedures in the file"));
        }
        if (!parser.problems.isEmpty()) {
            throw new CatalogFormatException(source, parser.problems);
        }
        return parser.procedures;
    }

    private void line(int number, String raw) {
        String line = raw.trim();
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        try {
            Procedure p = procedure(line);
            Integer first = lineOfCode.putIfAbsent(p.code(), number);
            if (first != null && versionsOverlap(p)) {
                throw new LineProblem("duplicate code " + p.code() + ", first declared on line " + first
                        + " (versions need validFrom/validTo that do not overlap)");
            }
            procedures.add(p);
        } catch (LineProblem e) {
            problems.add(new CatalogFormatException.Problem(number, e.getMessage()));
        }
    }

    private boolean versionsOverlap(Procedure p) {
        for (Procedure q : procedures) {
            if (q.code().equals(p.code()) && ProcedureCatalog.overlap(q, p)) {
                return true;
            }
        }
        return false;
    }

    private static Procedure procedure(String line) {
        String[] f = line.split("\\|", -1);
        if (f.length < 7 || f.length > 10) {
            throw new LineProblem("expected 7 to 10 fields separated by '|' (steps, validFrom and validTo may be left out),"
                    + " found " + f.length);
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].trim();
        }
        String code = f[0];
        if (!CODE.matcher(code).matches()) {
            throw new LineProblem("code '" + code + "' must be 1-40 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String name = required(f[1], "name");
        String domain = required(f[2], "domain");
        AgencyLevel level = level(f[3], "level");
        SlaLimit limit = limit(f[4], "limit");
        boolean fee = yesNo(f[5], "fee");
        boolean pauses = yesNo(f[6], "feePausesClock");
        if (pauses && !fee) {
            throw new LineProblem("feePausesClock is yes but fee is no: only a financial step can pause the clock");
        }
        List<ProcedureStep> steps = f.length >= 8 ? steps(f[7], limit) : List.of();
        java.time.LocalDate from = f.length >= 9 && !f[8].isEmpty() ? date(f[8], "validFrom") : null;
        java.time.LocalDate to = f.length >= 10 && !f[9].isEmpty() ? date(f[9], "validTo") : null;
        if (from != null && to != null && to.isBefore(from)) {
            throw new LineProblem("validTo " + to + " is before validFrom " + from);
        }
        return new Procedure(code, name, domain, level, limit, fee, pauses, steps, from, to);
    }

    private static java.time.LocalDate date(String text, String what) {
        try {
            return java.time.LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new LineProblem(what + " '" + text + "' is not a date yyyy-MM-dd");
        }
    }

    private static List<ProcedureStep> steps(String field, SlaLimit total) {
        if (field.isEmpty()) {
            return List.of();
        }
        String[] parts = field.split(";", -1);
        if (parts.length < 2) {
            throw new LineProblem("an inter-agency procedure needs at least two steps separated by ';'; leave the field empty for a single agency");
        }
        List<ProcedureStep> steps = new ArrayList<>(parts.length);
        long sum = 0;
        long totalMinutes = nominalMinutes(total);
        for (int i = 0; i < parts.length; i++) {
            String what = "step " + (i + 1);
            String[] s = parts[i].trim().split("\\s+", 3);
            if (s.length < 3) {
                throw new LineProblem(what + " must read 'LEVEL limit description', found '" + parts[i].trim() + "'");
            }
            AgencyLevel level = level(s[0], what + " level");
            SlaLimit allotment = limit(s[1], what + " limit");
            long minutes = nominalMinutes(allotment);
            if (minutes > totalMinutes) {
                throw new LineProblem(what + " allotment " + s[1] + " exceeds the procedure's limit");
            }
            sum += minutes;
            steps.add(new ProcedureStep(s[2], level, allotment));
        }
        if (sum > totalMinutes) {
            throw new LineProblem("step allotments add up to " + sum + " working minutes, more than the procedure's "
                    + totalMinutes);
        }
        return steps;
    }

    /** The limit in working minutes of a standard 480-minute day; a same-day limit counts as one day. */
    static long nominalMinutes(SlaLimit limit) {
        return switch (limit.unit()) {
            case WORKING_DAYS -> (long) limit.amount() * NOMINAL_DAY_MINUTES;
            case WORKING_HOURS -> limit.amount() * 60L;
            case SAME_DAY -> NOMINAL_DAY_MINUTES;
        };
    }

    /** Parses {@code <n>d}, {@code <n>h}, {@code same-day} or {@code same-day<HH:mm}. */
    static SlaLimit parseLimit(String text) {
        return limit(text.trim(), "limit");
    }

    /** The file's spelling of a limit; the inverse of {@link #parseLimit}. */
    static String format(SlaLimit limit) {
        if (limit.unit() == LimitUnit.SAME_DAY) {
            return limit.cutoff() == null ? SAME_DAY : SAME_DAY + "<" + limit.cutoff();
        }
        return limit.amount() + (limit.unit() == LimitUnit.WORKING_DAYS ? "d" : "h");
    }

    private static SlaLimit limit(String text, String what) {
        if (text.equals(SAME_DAY)) {
            return SlaLimit.sameDay(null);
        }
        if (text.startsWith(SAME_DAY + "<")) {
            String time = text.substring(SAME_DAY.length() + 1);
            try {
                if (time.length() != 5) {
                    throw new DateTimeParseException("not HH:mm", time, 0);
                }
                return SlaLimit.sameDay(LocalTime.parse(time));
            } catch (DateTimeParseException e) {
                throw new LineProblem(what + " cutoff '" + time + "' is not a time HH:mm");
            }
        }
        if (text.length() >= 2) {
            String amount = text.substring(0, text.length() - 1);
            char unit = text.charAt(text.length() - 1);
            if (AMOUNT.matcher(amount).matches()) {
                if (unit == 'd') {
                    return SlaLimit.workingDays(Integer.parseInt(amount));
                }
                if (unit == 'h') {
                    return SlaLimit.workingHours(Integer.parseInt(amount));
                }
            }
        }
        throw new LineProblem(what + " '" + text + "' must be <n>d (working days), <n>h (working hours), "
                + "same-day, or same-day<HH:mm (with a cutoff), n from 1 to 9999");
    }

    private static AgencyLevel level(String text, String what) {
        for (AgencyLevel level : AgencyLevel.values()) {
            if (level.name().equals(text)) {
                return level;
            }
        }
        throw new LineProblem(what + " '" + text + "' must be CITY, DISTRICT or COMMUNE");
    }

    private static boolean yesNo(String text, String what) {
        if (text.equals("yes")) {
            return true;
        }
        if (text.equals("no")) {
            return false;
        }
        throw new LineProblem(what + " '" + text + "' must be yes or no");
    }

    private static String required(String text, String what) {
        if (text.isEmpty()) {
            throw new LineProblem(what + " is empty");
        }
        return text;
    }

    /** The first problem on a line; caught per line so parsing goes on with the next one. */
    private static final class LineProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LineProblem(String message) {
            super(message, null, false, false);
        }
    }
}
