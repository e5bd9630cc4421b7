package io.dossierpulse.domain.sla;

/** The kinds of announcement on {@code dossier.sla-events}; the CloudEvents type is {@link #cloudEventType()}. */
public enum SlaEventType {
    AT_RISK,
    BREACHED,
    REAPPOINTMENT_BREACHED,
    RESOLVED_LATE,
    /** An inter-agency step's due passed while the dossier was still at that step (its data names the agency). */
    STEP_BREACHED;

    public String cloudEventType() {
        return "io.dossierpulse.sla." + name().toLowerCase();
    }
}
