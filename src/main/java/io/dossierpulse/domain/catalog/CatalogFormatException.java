package io.dossierpulse.domain.catalog;

import java.util.List;

/**
 * A procedure catalog file that cannot be used. Lists every problem found (up to a cap), each with
 * its line number, so an operator can fix the file in one pass.
 */
public final class CatalogFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem in the file.
     *
     * @param line 1-based line number; 0 for a problem of the file as a whole (e.g. no procedures)
     */
    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return line == 0 ? message : "line " + line + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    CatalogFormatException(String source, List<Problem> problems) {
        super(describe(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems in line order; never empty. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String source, List<Problem> problems) {
        StringBuilder sb = new StringBuilder("procedure catalog ").append(source).append(": ")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
        for (Problem p : problems) {
            sb.append('\n').append("  ").append(p);
        }
        return sb.toString();
    }
}
