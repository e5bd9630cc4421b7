package io.dossierpulse.contract;

/** A rejected record: the machine reason and a message that tells a person what to fix. */
public record Violation(RejectReason reason, String message) {
}
