package io.dossierpulse.ingest;

import java.util.List;

/**
 * The answer to a batch: how many events the broker acknowledged, how many were refused, and why,
 * by line number (NDJSON) or element number (JSON array), counted from 1.
 */
public record IngestAnswer(int accepted, int rejected, List<LineError> errors, boolean errorsTruncated) {

    /**
     * @param code   the machine reason (see the dead-letter reasons in the README)
     * @param reason what is wrong, for a person
     */
    public record LineError(int line, String code, String reason) {
    }
}
