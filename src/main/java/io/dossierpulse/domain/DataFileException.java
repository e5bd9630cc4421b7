package io.dossierpulse.domain;

import java.util.List;

/**
 * A reference-data file (procedure catalog, agency directory) that cannot be used. Lists every
 * problem found, each with its line number, so the file can be fixed in one pass.
 */
public class DataFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem in the file.
     *
     * @param line 1-based line number; 0 for a problem of the file as a whole
     */
    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return line == 0 ? message : "line " + line + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    /** @param what the kind of file, e.g. "agency file" */
    protected DataFileException(String what, String source, List<Problem> problems) {
        super(describe(what, source, problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems in line order; never empty. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String what, String source, List<Problem> problems) {
        StringBuilder sb = new StringBuilder(what).append(' ').append(source).append(": ")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
        for (Problem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }
}
