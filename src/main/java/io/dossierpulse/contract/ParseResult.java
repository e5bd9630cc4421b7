package io.dossierpulse.contract;

import io.dossierpulse.domain.DossierEvent;

/** The outcome of decoding one record: a valid event, or the violation that rejects it. */
public sealed interface ParseResult {

    record Valid(DossierEvent event) implements ParseResult {
    }

    record Invalid(Violation violation) implements ParseResult {
        public Invalid(RejectReason reason, String message) {
            this(new Violation(reason, message));
        }
    }
}
