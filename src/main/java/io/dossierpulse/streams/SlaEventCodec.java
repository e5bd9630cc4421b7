package io.dossierpulse.streams;

import io.dossierpulse.domain.dossier.Effects;
import io.dossierpulse.domain.sla.SlaEventType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dossierpulse.domain.dossier.DossierState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes SLA announcements as CloudEvents 1.0 in structured JSON mode
 * (docs/schemas/sla-event-v1.schema.json). The id is the same however often the announcement is
 * produced (dossier, type and the deadline), so a subscriber can deduplicate on it.
 */
public final class SlaEventCodec {

    public static final String SOURCE = "/dossier-pulse";
    private static final JsonFactory JSON = new JsonFactory();
    private static final ZoneOffset VIETNAM = io.dossierpulse.domain.calendar.WorkingCalendar.OFFSET;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private SlaEventCodec() {
    }

    /** The i-th announcement of a ledger decision. */
    /**
     * The CloudEvents Kafka protocol binding's structured mode: the record's {@code content-type}
     * header says the value is a whole CloudEvent in JSON, which is how the SDKs' Kafka deserializers
     * recognise it. A new headers object per record: the producer makes the ones it sends read-only.
     */
    public static final String CONTENT_TYPE_HEADER = "content-type";
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    private static final byte[] STRUCTURED = STRUCTURED_CONTENT_TYPE.getBytes(java.nio.charset.StandardCharsets.UTF_8);

    static org.apache.kafka.common.header.Headers structuredModeHeaders() {
        return new org.apache.kafka.common.header.internals.RecordHeaders().add(CONTENT_TYPE_HEADER, STRUCTURED);
    }

    static byte[] encode(Effects fx, int i) {
        return encode(fx.type(i), fx.announced(i), Instant.ofEpochSecond(fx.deadlineSecond(i)),
                Instant.ofEpochSecond(fx.dueSecond(i)), Instant.ofEpochMilli(fx.detectedAtMillis(i)),
                fx.overdueMinutes(i), fx.apologyRequired(i));
    }

    /**
     * @param deadline        the instant announced (the due, the re-appointed due, the at-risk instant, or
     *                        for RESOLVED_LATE the resolution)
     * @param dueAt           the due the dossier is judged against
     * @param overdueMinutes  working minutes past the due when detected
     * @param apologyRequired whether the agency now owes the applicant an apology letter and a new appointment
     */
    public static byte[] encode(SlaEventType type, DossierState s, Instant deadline, Instant dueAt, Instant detectedAt,
            long overdueMinutes, boolean apologyRequired) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("specversion", "1.0");
            g.writeStringField("id", s.dossierId() + "/" + type.name() + "/" + deadline.getEpochSecond());
            g.writeStringField("source", SOURCE);
            g.writeStringField("type", type.cloudEventType());
            g.writeStringField("subject", s.dossierId());
            g.writeStringField("time", time(detectedAt));
            g.writeStringField("datacontenttype", "application/json");
            g.writeObjectFieldStart("data");
            g.writeStringField("kind", type.name());
            g.writeStringField("dossierId", s.dossierId());
            g.writeStringField("agencyCode", s.receivingAgencyCode());
            g.writeStringField("currentAgencyCode", s.currentAgencyCode());
            g.writeStringField("procedureCode", s.procedureCode());
            g.writeNumberField("status", s.status().code());
            if (s.acceptedAtMillis() != 0) {
                g.writeStringField("acceptedAt", time(Instant.ofEpochMilli(s.acceptedAtMillis())));
            }
            g.writeStringField("dueAt", time(dueAt));
            if (s.clock() != null && s.clock().reappointedDueAt() != null) {
                g.writeStringField("reappointedDueAt", time(s.clock().reappointedDueAt()));
            }
            g.writeStringField("deadline", time(deadline));
            g.writeStringField("detectedAt", time(detectedAt));
            g.writeNumberField("overdueWorkingMinutes", overdueMinutes);
            g.writeBooleanField("apologyRequired", apologyRequired);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String time(Instant i) {
        return ISO.format(i.atOffset(VIETNAM));
    }
}
