package io.dossierpulse.domain.catalog;

import io.dossierpulse.domain.DataFileException;
import io.dossierpulse.domain.DataFileLines;
import io.dossierpulse.domain.agency.AgencyDirectory;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Agencies' committed times by procedure (file format: the shipped file's header). For a dossier, the
 * first line in file order whose procedure matches, whose scope holds the receiving agency on the
 * acceptance date and which is in force on that date applies: narrower scopes go first.
 */
public final class Commitments {

    /** The commitments shipped with the product, on the classpath. */
    public static final String DEFAULT_RESOURCE = "/domain/catalog/commitments.psv";

    private static final Commitments NONE = new Commitments(List.of());

    private final Map<String, List<Commitment>> byProcedure = new HashMap<>();
    private final List<Commitment> all;

    private Commitments(List<Commitment> commitments) {
        this.all = List.copyOf(commitments);
        for (Commitment c : all) {
            byProcedure.computeIfAbsent(c.procedureCode(), k -> new ArrayList<>()).add(c);
        }
    }

    /** No commitment at all: every dossier is judged by the statutory limit alone. */
    public static Commitments none() {
        return NONE;
    }

    public static Commitments loadDefault() {
        return io.dossierpulse.domain.DataFileLines.loadResource(DEFAULT_RESOURCE, Commitments::load);
    }

    /**
     * Reads {@code procedure | scope | limit | validFrom | validTo | source}; does not close the reader.
     *
     * @throws CatalogFormatException listing every malformed line with its number
     */
    public static Commitments load(Reader reader, String source) {
        List<Commitment> out = new ArrayList<>();
        List<DataFileException.Problem> problems = new ArrayList<>();
        DataFileLines.read(reader, "commitments " + source, () -> problems.size() < ProcedureFileParser.MAX_PROBLEMS,
                (number, raw) -> {
                    String line = raw.strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        return;
                    }
                    try {
                        out.add(commitment(line));
                    } catch (RuntimeException e) { // a malformed field: the parsers' own exceptions included
                        problems.add(new DataFileException.Problem(number, e.getMessage()));
                    }
                });
        if (!problems.isEmpty()) {
            throw new CatalogFormatException(source, problems);
        }
        return new Commitments(out);
    }

    private static Commitment commitment(String line) {
        String[] f = line.split("\\|", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException("expected 6 fields (procedure | scope | limit | validFrom | validTo"
                    + " | source), found " + f.length);
        }
        String procedure = f[0].strip();
        String scope = f[1].strip();
        String source = f[5].strip();
        if (procedure.isEmpty() || scope.isEmpty() || source.isEmpty()) {
            throw new IllegalArgumentException("procedure, scope and source are required");
        }
        LocalDate from = LocalDate.parse(f[3].strip());
        LocalDate to = f[4].isBlank() ? null : LocalDate.parse(f[4].strip());
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("validTo " + to + " is before validFrom " + from);
        }
        return new Commitment(procedure, scope, ProcedureFileParser.parseLimit(f[2]), from, to, source);
    }

    /**
     * The commitment that applies to a dossier of {@code procedure} received by {@code agency} and
     * accepted on {@code acceptedOn}, or null.
     */
    public Commitment find(String procedure, String agency, LocalDate acceptedOn, AgencyDirectory agencies) {
        List<Commitment> candidates = byProcedure.get(procedure);
        if (candidates == null) {
            return null;
        }
        for (Commitment c : candidates) {
            if (c.inForceOn(acceptedOn) && (Commitment.EVERY_AGENCY.equals(c.scope())
                    || agencies.isWithin(agency, c.scope(), acceptedOn))) {
                return c;
            }
        }
        return null;
    }

    /** Whether any commitment names this procedure. */
    public boolean covers(String procedure) {
        return byProcedure.containsKey(procedure);
    }

    /** Every commitment, in file order. */
    public List<Commitment> all() {
        return all;
    }

    /** Whether a committed limit is shorter than the statutory one, in nominal working minutes. */
    public static boolean shorter(Commitment c, Procedure p) {
        return ProcedureFileParser.nominalMinutes(c.limit()) < ProcedureFileParser.nominalMinutes(p.limit());
    }
}
