package io.dossierpulse.domain.sla;

import java.time.Instant;

/**
 * Where an SLA clock starts and when its limit is used up.
 *
 * @param clockStart acceptance, or the next working period's start when accepted outside one
 * @param dueAt      the first instant at which the limit's working time has elapsed
 */
public record Due(Instant clockStart, Instant dueAt) {
}
