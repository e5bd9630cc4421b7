package io.dossierpulse.domain.agency;

import io.dossierpulse.domain.DataFileLines;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the agency file's line format, documented in the header of
 * {@code /domain/agency/hanoi-agencies.psv}:
 * {@code code|name|level|parent|validFrom|validTo|weight|successor|fields}. Checks each line on its
 * own and the links between lines (parents, successors, one root), reporting every problem at
 * once. Runs once at start-up, so it favours complete error reports over speed.
 */
final class AgencyFileParser {

    /** Beyond this many problems the file is plainly the wrong one; listing more helps nobody. */
    static final int MAX_PROBLEMS = 50;

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,31}");
    private static final Pattern SEPARATOR = Pattern.compile("\\|");

    /** One parsed line: the agency and its generator-facing extras. */
    record Row(int line, Agency agency, int weight, String successorCode, List<String> fields) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Row> byCode = new HashMap<>();
    private final List<AgencyFormatException.Problem> problems = new ArrayList<>();

    private AgencyFileParser() {
    }

    /** Parses and cross-checks a whole file; throws {@link AgencyFormatException} listing every problem. */
    static List<Row> parse(Reader reader, String source) {
        AgencyFileParser parser = new AgencyFileParser();
        DataFileLines.read(reader, "agency file " + source, () -> parser.problems.size() < MAX_PROBLEMS, parser::line);
        if (parser.problems.isEmpty()) {
            parser.crossCheck();
        }
        if (!parser.problems.isEmpty()) {
            throw new AgencyFormatException(source, parser.problems);
        }
        return parser.rows;
    }

    private void line(int number, String raw) {
        String line = raw.trim();
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        String[] cols = SEPARATOR.split(line, -1);
        if (cols.length < 5 || cols.length > 9) {
            problem(number, "expected 5 to 9 '|'-separated columns, found " + cols.length);
            return;
        }
        for (int i = 0; i < cols.length; i++) {
            cols[i] = cols[i].trim();
        }
        String code = cols[0];
        if (!CODE.matcher(code).matches()) {
            problem(number, "bad code '" + code + "' (A-Z, 0-9 and '-', at most 32 characters)");
            return;
        }
        if (cols[1].isEmpty()) {
            problem(number, code + ": empty name");
            return;
        }
        AgencyLevel level;
        try {
            level = AgencyLevel.valueOf(cols[2]);
        } catch (IllegalArgumentException e) {
            problem(number, code + ": unknown level '" + cols[2] + "' (CITY, DISTRICT or COMMUNE)");
            return;
        }
        String parent = cols[3].isEmpty() ? null : cols[3];
        LocalDate from = date(number, code, "validFrom", cols[4]);
        String toText = cols.length > 5 ? cols[5] : "";
        LocalDate to = toText.isEmpty() ? null : date(number, code, "validTo", toText);
        if (from == null || (to == null && !toText.isEmpty())) {
            return;
        }
        if (to != null && to.isBefore(from)) {
            problem(number, code + ": validTo " + to + " before validFrom " + from);
            return;
        }
        int weight = 1;
        if (cols.length > 6 && !cols[6].isEmpty()) {
            try {
                weight = Integer.parseInt(cols[6]);
            } catch (NumberFormatException e) {
                weight = -1;
            }
            if (weight < 0) {
                problem(number, code + ": weight must be a non-negative integer, not '" + cols[6] + "'");
                return;
            }
        }
        String successor = cols.length > 7 && !cols[7].isEmpty() ? cols[7] : null;
        List<String> fields = cols.length > 8 ? fields(cols[8]) : List.of();
        Row row = new Row(number, new Agency(code, cols[1], level, parent, from, to), weight, successor, fields);
        Row first = byCode.putIfAbsent(code, row);
        if (first != null) {
            problem(number, "duplicate code " + code + ", first declared on line " + first.line());
            return;
        }
        rows.add(row);
    }

    private LocalDate date(int number, String code, String column, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(number, code + ": " + column + " '" + text + "' is not a yyyy-MM-dd date");
            return null;
        }
    }

    private static List<String> fields(String text) {
        List<String> out = new ArrayList<>();
        for (String f : text.split(";")) {
            String t = f.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /** Links between rows: one root; parents exist, rank at or above, and span the child's validity; successors follow on. */
    private void crossCheck() {
        int roots = 0;
        for (Row row : rows) {
            Agency a = row.agency();
            if (a.parentCode() == null) {
                roots++;
                if (roots > 1) {
                    problem(row.line(), a.code() + ": a second root (only the city root has no parent)");
                }
                continue;
            }
            Row parent = byCode.get(a.parentCode());
            if (parent == null) {
                problem(row.line(), a.code() + ": unknown parent " + a.parentCode());
                continue;
            }
            Agency p = parent.agency();
            if (p.level().ordinal() > a.level().ordinal()) {
                problem(row.line(), a.code() + ": parent " + p.code() + " is " + p.level() + ", below " + a.level());
            }
            if (!p.covers(a.validFrom(), a.validTo())) {
                problem(row.line(), a.code() + ": parent " + p.code() + " (" + p.validFrom() + " to "
                        + (p.validTo() == null ? "open" : p.validTo()) + ") does not span the agency's validity");
            }
        }
        if (roots == 0) {
            problem(0, "no root: exactly one agency must have an empty parent");
        }
        for (Row row : rows) {
            if (row.successorCode() == null) {
                continue;
            }
            Agency a = row.agency();
            Row succ = byCode.get(row.successorCode());
            if (succ == null) {
                problem(row.line(), a.code() + ": unknown successor " + row.successorCode());
            } else if (a.validTo() == null) {
                problem(row.line(), a.code() + ": a successor is given but the agency has no validTo");
            } else if (!succ.agency().isActiveOn(a.validTo().plusDays(1))) {
                problem(row.line(), a.code() + ": successor " + succ.agency().code()
                        + " is not active on " + a.validTo().plusDays(1));
            }
        }
        checkChainsEnd();
    }

    /** A parent loop among same-level agencies would pass the rank check; walk every chain once. */
    private void checkChainsEnd() {
        for (Row row : rows) {
            String code = row.agency().code();
            int steps = 0;
            Row at = row;
            while (at != null && at.agency().parentCode() != null && steps <= rows.size()) {
                at = byCode.get(at.agency().parentCode());
                steps++;
            }
            if (steps > rows.size()) {
                problem(row.line(), code + ": its parent chain loops and never reaches the root");
            }
        }
    }

    private void problem(int line, String message) {
        problems.add(new AgencyFormatException.Problem(line, message));
    }
}
