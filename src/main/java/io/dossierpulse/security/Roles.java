package io.dossierpulse.security;

/**
 * The roles a bearer token grants (its {@code groups} claim). {@code admin} may do everything; the
 * citizen lookup and health need none.
 */
public final class Roles {

    /** Writes events: {@code POST /api/events} and the other write paths. */
    public static final String INGEST = "ingest";
    /** Reads the operations center's data: dashboard, statistics, indicators, overdue lists, SLA events. */
    public static final String OPERATOR = "operator";
    /** Calendar overrides, dead-letter replay, and everything the other roles may do. */
    public static final String ADMIN = "admin";

    public static final java.util.List<String> ALL = java.util.List.of(INGEST, OPERATOR, ADMIN);

    private Roles() {
    }
}
