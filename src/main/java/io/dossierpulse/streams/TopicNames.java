package io.dossierpulse.streams;

/** The default topic names, defined once (PulseConfig's defaults, the tests' settings and the CLIs use them). */
public final class TopicNames {

    public static final String EVENTS = "dossier.events";
    public static final String DEAD_LETTERS = "dossier.events.dlq";
    public static final String SLA_EVENTS = "dossier.sla-events";

    private TopicNames() {
    }
}
