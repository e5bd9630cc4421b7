package io.dossierpulse.domain.lifecycle;

import io.dossierpulse.domain.DossierStatus;
import java.util.Objects;

/**
 * The outcome of applying an event to a dossier: either the status it is in afterwards, or a
 * rejection with a reason code and a message for operators. Instances are built once, when the
 * lifecycle table is built, and shared: applying an event allocates nothing.
 */
public final class Transition {

    private final DossierStatus status;
    private final RejectionReason reason;
    private final String message;

    private Transition(DossierStatus status, RejectionReason reason, String message) {
        this.status = status;
        this.reason = reason;
        this.message = message;
    }

    static Transition legal(DossierStatus status) {
        return new Transition(Objects.requireNonNull(status, "status"), null, null);
    }

    static Transition rejected(RejectionReason reason, String message) {
        return new Transition(null, Objects.requireNonNull(reason, "reason"), Objects.requireNonNull(message, "message"));
    }

    public boolean isLegal() {
        return status != null;
    }

    /** The dossier's status after the event (unchanged for APOLOGY_ISSUED); null when rejected. */
    public DossierStatus status() {
        return status;
    }

    /** Null when legal. */
    public RejectionReason reason() {
        return reason;
    }

    /** Human-readable explanation of a rejection; null when legal. */
    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return isLegal() ? "Transition[-> " + status.code() + " " + status + "]" : "Transition[" + reason + ": " + message + "]";
    }
}
