package io.dossierpulse.api;

/** The OpenAPI tags grouping the operations; one place, since the error filter reads PUBLIC. */
public final class OpenApiTags {

    public static final String PUBLIC = "public";
    public static final String INGEST = "ingest";
    public static final String DOSSIERS = "dossiers";
    public static final String STATISTICS = "statistics";
    public static final String SLA = "sla";
    public static final String REFERENCE = "reference data";
    public static final String OPERATIONS = "operations";

    private OpenApiTags() {
    }
}
