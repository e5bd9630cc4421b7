package io.dossierpulse.streams;

import io.dossierpulse.domain.dossier.Effects;
import io.dossierpulse.domain.sla.SlaEventType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dossierpulse.domain.dossier.DossierState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes SLA announcements as CloudEvents 1.0 in the Kafka binding's structured or binary mode
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

    /**
     * The CloudEvents Kafka protocol binding's structured mode: the record's {@code content-type}
     * header says the value is a whole CloudEvent in JSON, which is how the SDKs' Kafka deserializers
     * recognise it. Binary mode instead carries the attributes as {@code ce_*} headers and only the
     * data in the value ({@code content-type: application/json}).
     */
    public static final String CONTENT_TYPE_HEADER = "content-type";
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    public static final String BINARY_CONTENT_TYPE = "application/json";
    /** The binary mode's attribute headers are this prefix and the attribute's name. */
    public static final String ATTRIBUTE_HEADER_PREFIX = "ce_";
    static final String SPEC_VERSION = "1.0";
    private static final byte[] STRUCTURED = STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);
    private static final byte[] BINARY = BINARY_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);

    /** How announcements are laid out in their records (the binding's two content modes). */
    public enum Mode {
        STRUCTURED, BINARY
    }

    /** One announcement as a record's value and headers. A new headers object each: the producer makes sent ones read-only. */
    public record Encoded(byte[] value, Headers headers) {
    }

    /** The i-th announcement of a ledger decision. */
    static Encoded encode(Effects fx, int i, Mode mode) {
        return encode(fx.type(i), fx.announced(i), Instant.ofEpochSecond(fx.deadlineSecond(i)),
                Instant.ofEpochSecond(fx.dueSecond(i)), Instant.ofEpochMilli(fx.detectedAtMillis(i)),
                fx.overdueMinutes(i), fx.apologyRequired(i), mode);
    }

    /** The structured-mode value (a whole CloudEvent) of an announcement. */
    public static byte[] encode(SlaEventType type, DossierState s, Instant deadline, Instant dueAt, Instant detectedAt,
            long overdueMinutes, boolean apologyRequired) {
        return encode(type, s, deadline, dueAt, detectedAt, overdueMinutes, apologyRequired, Mode.STRUCTURED).value();
    }

    /**
     * @param deadline        the instant announced (the due, the re-appointed due, the at-risk instant, or
     *                        for RESOLVED_LATE the resolution)
     * @param dueAt           the due the dossier is judged against
     * @param overdueMinutes  working minutes past the due when detected
     * @param apologyRequired whether the agency now owes the applicant an apology letter and a new appointment
     */
    public static Encoded encode(SlaEventType type, DossierState s, Instant deadline, Instant dueAt, Instant detectedAt,
            long overdueMinutes, boolean apologyRequired, Mode mode) {
        String[][] attributes = {
                {"specversion", SPEC_VERSION},
                {"id", s.dossierId() + "/" + type.name() + "/" + deadline.getEpochSecond()},
                {"source", SOURCE},
                {"type", type.cloudEventType()},
                {"subject", s.dossierId()},
                {"time", time(detectedAt)}};
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            if (mode == Mode.STRUCTURED) {
                g.writeStartObject();
                for (String[] a : attributes) {
                    g.writeStringField(a[0], a[1]);
                }
                g.writeStringField("datacontenttype", BINARY_CONTENT_TYPE);
                g.writeFieldName("data");
            }
            writeData(g, type, s, deadline, dueAt, detectedAt, overdueMinutes, apologyRequired);
            if (mode == Mode.STRUCTURED) {
                g.writeEndObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Headers h = new RecordHeaders();
        if (mode == Mode.STRUCTURED) {
            h.add(CONTENT_TYPE_HEADER, STRUCTURED);
        } else {
            for (String[] a : attributes) {
                h.add(ATTRIBUTE_HEADER_PREFIX + a[0], a[1].getBytes(StandardCharsets.UTF_8));
            }
            h.add(CONTENT_TYPE_HEADER, BINARY);
        }
        return new Encoded(out.toByteArray(), h);
    }

    private static void writeData(JsonGenerator g, SlaEventType type, DossierState s, Instant deadline, Instant dueAt,
            Instant detectedAt, long overdueMinutes, boolean apologyRequired) throws IOException {
        g.writeStartObject();
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
        if (type == SlaEventType.STEP_BREACHED && s.clock() != null) {
            // Announced while the dossier is still at the step: the agency holding it is the step's.
            g.writeStringField("stepAgencyCode", s.currentAgencyCode());
            g.writeNumberField("stepIndex", s.clock().stepIndex());
            g.writeStringField("stepDueAt", time(dueAt));
        }
        g.writeStringField("deadline", time(deadline));
        g.writeStringField("detectedAt", time(detectedAt));
        g.writeNumberField("overdueWorkingMinutes", overdueMinutes);
        g.writeBooleanField("apologyRequired", apologyRequired);
        g.writeEndObject();
    }

    /**
     * The structured-mode JSON of a record of either mode, for readers that show whole events (the
     * live feed): a binary-mode record's attribute headers and data are put back together.
     */
    public static String structured(Headers headers, byte[] value) {
        if (headers == null || headers.lastHeader(ATTRIBUTE_HEADER_PREFIX + "specversion") == null) {
            return new String(value, StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (Header h : headers) {
                if (h.key().startsWith(ATTRIBUTE_HEADER_PREFIX) && h.value() != null) {
                    g.writeStringField(h.key().substring(ATTRIBUTE_HEADER_PREFIX.length()),
                            new String(h.value(), StandardCharsets.UTF_8));
                }
            }
            g.writeStringField("datacontenttype", BINARY_CONTENT_TYPE);
            g.writeFieldName("data");
            g.writeRawValue(new String(value, StandardCharsets.UTF_8));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String time(Instant i) {
        return ISO.format(i.atOffset(VIETNAM));
    }
}
