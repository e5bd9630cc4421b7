package io.dossierpulse.streams;

/** The default topic names, defined once (PulseConfig's defaults, the tests' settings and the CLIs use them). */
public final class TopicNames {

    public static final String EVENTS = "dossier.events";
    public static final String DEAD_LETTERS = "dossier.events.dlq";
    public static final String SLA_EVENTS = "dossier.sla-events";
    /** National-portal sync snapshots (DongBoHoSoMC, CapNhatTienDoHoSoMC) in. */
    public static final String PORTAL_SYNC = "dossier.portal-sync";
    /** Portal-shaped status snapshots out, for a connector to the national portal (optional). */
    public static final String PORTAL_OUT = "dossier.portal-out";

    private TopicNames() {
    }
}
