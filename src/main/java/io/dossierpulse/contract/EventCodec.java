package io.dossierpulse.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Decodes and encodes events of contract v1 (docs/schemas/dossier-event-v1.schema.json). Decoding is
 * strict and total: every input, however broken, yields either a valid event or a violation whose
 * message names the field and what is wrong. Thread-safe.
 */
public final class EventCodec {

    public static final int DEFAULT_MAX_BYTES = 16 * 1024;
    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_REASON_LENGTH = 2000;
    /** Timestamps outside [1990, 2100) are typing errors, not dossiers. */
    public static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    /** JSON numbers beyond 2^53 lose precision in many producers. */
    private static final long MAX_SEQ = (1L << 53) - 1;
    private static final ZoneOffset VIETNAM = io.dossierpulse.domain.calendar.WorkingCalendar.OFFSET;

    private final JsonFactory factory;
    private final int maxBytes;

    public EventCodec() {
        this(DEFAULT_MAX_BYTES);
    }

    public EventCodec(int maxBytes) {
        this.maxBytes = maxBytes;
        this.factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    public int maxBytes() {
        return maxBytes;
    }

    public ParseResult decode(byte[] bytes) {
        if (bytes == null) {
            return new ParseResult.Invalid(RejectReason.NOT_JSON, "empty record (null value)");
        }
        return decode(bytes, 0, bytes.length);
    }

    public ParseResult decode(byte[] buf, int offset, int length) {
        if (length > maxBytes) {
            return new ParseResult.Invalid(RejectReason.TOO_LARGE,
                    "event is " + length + " bytes; the limit is " + maxBytes);
        }
        try (JsonParser p = factory.createParser(buf, offset, length)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new ParseResult.Invalid(RejectReason.NOT_JSON, "empty input");
            }
            if (first != JsonToken.START_OBJECT) {
                return new ParseResult.Invalid(RejectReason.NOT_AN_OBJECT,
                        "an event is a JSON object, got " + describe(first));
            }
            Fields f = new Fields();
            ParseResult.Invalid bad = readFields(p, f);
            if (bad != null) {
                return bad;
            }
            if (p.nextToken() != null) {
                return new ParseResult.Invalid(RejectReason.NOT_JSON, "unexpected content after the event object");
            }
            return f.toEvent();
        } catch (JsonProcessingException e) {
            if (!isUtf8(buf, offset, length)) {
                return new ParseResult.Invalid(RejectReason.INVALID_ENCODING, "event bytes are not valid UTF-8");
            }
            return new ParseResult.Invalid(RejectReason.NOT_JSON, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new ParseResult.Invalid(RejectReason.NOT_JSON, "unreadable input: " + e.getMessage());
        }
    }

    private static ParseResult.Invalid readFields(JsonParser p, Fields f) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            ParseResult.Invalid bad = switch (name) {
                case "eventId" -> (f.eventId = id(p, v, name, f)) == null ? f.error : null;
                case "dossierId" -> (f.dossierId = id(p, v, name, f)) == null ? f.error : null;
                case "agencyCode" -> (f.agencyCode = id(p, v, name, f)) == null ? f.error : null;
                case "procedureCode" -> (f.procedureCode = id(p, v, name, f)) == null ? f.error : null;
                case "toAgencyCode" -> v == JsonToken.VALUE_NULL ? null
                        : (f.toAgencyCode = id(p, v, name, f)) == null ? f.error : null;
                case "seq" -> seq(p, v, f);
                case "type" -> type(p, v, f);
                case "channel" -> channel(p, v, f);
                case "occurredAt" -> v == JsonToken.VALUE_NULL ? wrongType(name, "a date-time string", v)
                        : (f.occurredAt = instant(p, v, name, f)) == null ? f.error : null;
                case "dueAt" -> v == JsonToken.VALUE_NULL ? null
                        : (f.dueAt = instant(p, v, name, f)) == null ? f.error : null;
                case "newDueAt" -> v == JsonToken.VALUE_NULL ? null
                        : (f.newDueAt = instant(p, v, name, f)) == null ? f.error : null;
                case "feeRequired" -> bool(v, name, f, 0);
                case "paidOnline" -> bool(v, name, f, 1);
                case "digitized" -> bool(v, name, f, 2);
                case "reason" -> reason(p, v, f);
                default -> new ParseResult.Invalid(RejectReason.UNKNOWN_FIELD,
                        "field '" + shorten(name) + "' is not part of contract v1");
            };
            if (bad != null) {
                return bad;
            }
        }
        if (t != JsonToken.END_OBJECT) {
            return new ParseResult.Invalid(RejectReason.NOT_JSON, "malformed event object");
        }
        return null;
    }

    private static String id(JsonParser p, JsonToken v, String name, Fields f) throws IOException {
        if (v != JsonToken.VALUE_STRING) {
            f.error = wrongType(name, "a string", v);
            return null;
        }
        String s = p.getText();
        String problem = checkText(s, MAX_ID_LENGTH);
        if (problem == null) {
            problem = checkIdCharacters(s);
        }
        if (problem != null) {
            f.error = new ParseResult.Invalid(RejectReason.INVALID_VALUE, name + " " + problem);
            return null;
        }
        return s;
    }

    /** What is wrong with a text as an identifier (dossier, agency, procedure, event), or null when nothing is. */
    public static String idProblem(String s) {
        String problem = checkText(s, MAX_ID_LENGTH);
        return problem != null ? problem : checkIdCharacters(s);
    }

    /**
     * Identifiers are keys of stores, topics and metrics: letters, digits and {@code . _ : -} only
     * (no space, no slash: an SLA event's id is {@code <dossierId>/<kind>/<second>}).
     */
    private static String checkIdCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == ':' || c == '-';
            if (!ok) {
                return "may contain only letters A-Z, digits and . _ : - (position " + (i + 1) + ")";
            }
        }
        return null;
    }

    /** Returns what is wrong with an identifier-like text, or null when it is fine. */
    private static String checkText(String s, int maxLength) {
        if (s.isEmpty() || s.isBlank()) {
            return "must not be empty";
        }
        if (s.length() > maxLength) {
            return "is " + s.length() + " characters; at most " + maxLength + " allowed";
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return "contains a control character at position " + (i + 1);
            }
        }
        return null;
    }

    private static ParseResult.Invalid seq(JsonParser p, JsonToken v, Fields f) throws IOException {
        if (v != JsonToken.VALUE_NUMBER_INT) {
            return wrongType("seq", "an integer", v);
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                || p.getLongValue() < 1 || p.getLongValue() > MAX_SEQ) {
            return new ParseResult.Invalid(RejectReason.INVALID_VALUE, "seq must be between 1 and " + MAX_SEQ);
        }
        f.seq = p.getLongValue();
        return null;
    }

    private static ParseResult.Invalid type(JsonParser p, JsonToken v, Fields f) throws IOException {
        if (v != JsonToken.VALUE_STRING) {
            return wrongType("type", "a string", v);
        }
        f.type = EventType.parse(p.getText());
        if (f.type == null) {
            return new ParseResult.Invalid(RejectReason.UNKNOWN_TYPE,
                    "type '" + shorten(p.getText()) + "' is not an event type of contract v1");
        }
        return null;
    }

    private static ParseResult.Invalid channel(JsonParser p, JsonToken v, Fields f) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.VALUE_STRING) {
            return wrongType("channel", "a string", v);
        }
        switch (p.getText()) {
            case "IN_PERSON" -> f.channel = Channel.IN_PERSON;
            case "ONLINE" -> f.channel = Channel.ONLINE;
            case "POSTAL" -> f.channel = Channel.POSTAL;
            default -> {
                return new ParseResult.Invalid(RejectReason.INVALID_VALUE,
                        "channel must be IN_PERSON, ONLINE or POSTAL, got '" + shorten(p.getText()) + "'");
            }
        }
        return null;
    }

    private static Instant instant(JsonParser p, JsonToken v, String name, Fields f) throws IOException {
        if (v != JsonToken.VALUE_STRING) {
            f.error = wrongType(name, "a date-time string", v);
            return null;
        }
        Instant at = IsoInstant.parse(p.getText());
        if (at == null) {
            f.error = new ParseResult.Invalid(RejectReason.INVALID_VALUE, name
                    + " must be an ISO-8601 date-time with an offset, e.g. 2025-03-14T09:30:00+07:00; got '"
                    + shorten(p.getText()) + "'");
            return null;
        }
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            f.error = new ParseResult.Invalid(RejectReason.INVALID_VALUE,
                    name + " " + p.getText() + " is outside the accepted range 1990-2099");
            return null;
        }
        return at;
    }

    private static ParseResult.Invalid bool(JsonToken v, String name, Fields f, int which) {
        Boolean b;
        if (v == JsonToken.VALUE_TRUE) {
            b = Boolean.TRUE;
        } else if (v == JsonToken.VALUE_FALSE) {
            b = Boolean.FALSE;
        } else if (v == JsonToken.VALUE_NULL) {
            b = null;
        } else {
            return wrongType(name, "a boolean", v);
        }
        switch (which) {
            case 0 -> f.feeRequired = b;
            case 1 -> f.paidOnline = b;
            default -> f.digitized = b;
        }
        return null;
    }

    private static ParseResult.Invalid reason(JsonParser p, JsonToken v, Fields f) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.VALUE_STRING) {
            return wrongType("reason", "a string", v);
        }
        String s = p.getText();
        if (s.length() > MAX_REASON_LENGTH) {
            return new ParseResult.Invalid(RejectReason.INVALID_VALUE,
                    "reason is " + s.length() + " characters; at most " + MAX_REASON_LENGTH + " allowed");
        }
        if (s.indexOf('\u0000') >= 0) {
            return new ParseResult.Invalid(RejectReason.INVALID_VALUE, "reason contains a NUL character");
        }
        f.reason = s;
        return null;
    }

    private static ParseResult.Invalid wrongType(String name, String expected, JsonToken got) {
        return new ParseResult.Invalid(RejectReason.WRONG_TYPE, name + " must be " + expected + ", got " + describe(got));
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static boolean isUtf8(byte[] buf, int offset, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, offset, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Mutable scratch for one decode; never escapes. */
    private static final class Fields {
        String eventId;
        String dossierId;
        long seq;
        EventType type;
        Instant occurredAt;
        String agencyCode;
        String procedureCode;
        Channel channel;
        Instant dueAt;
        String toAgencyCode;
        Instant newDueAt;
        Boolean feeRequired;
        Boolean paidOnline;
        Boolean digitized;
        String reason;
        ParseResult.Invalid error;

        ParseResult toEvent() {
            String missing = eventId == null ? "eventId"
                    : dossierId == null ? "dossierId"
                    : seq == 0 ? "seq"
                    : type == null ? "type"
                    : occurredAt == null ? "occurredAt"
                    : agencyCode == null ? "agencyCode"
                    : procedureCode == null ? "procedureCode"
                    : null;
            if (missing == null && channel == null && (type == EventType.SUBMITTED || type == EventType.ACCEPTED)) {
                missing = "channel";
            }
            if (missing == null && toAgencyCode == null && type == EventType.TRANSFERRED) {
                missing = "toAgencyCode";
            }
            if (missing == null && newDueAt == null && type == EventType.APOLOGY_ISSUED) {
                missing = "newDueAt";
            }
            if (missing != null) {
                String on = switch (missing) {
                    case "channel", "toAgencyCode", "newDueAt" -> " (required on " + type + ")";
                    default -> "";
                };
                return new ParseResult.Invalid(RejectReason.MISSING_FIELD, "missing required field " + missing + on);
            }
            return new ParseResult.Valid(new DossierEvent(eventId, dossierId, seq, type, occurredAt, agencyCode,
                    procedureCode, channel, dueAt, toAgencyCode, newDueAt, feeRequired, paidOnline, digitized, reason));
        }
    }

    private static final DateTimeFormatter OUT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** Encodes an event as contract v1 JSON, date-times in +07:00. */
    public byte[] encode(DossierEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(320);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("eventId", e.eventId());
            g.writeStringField("dossierId", e.dossierId());
            g.writeNumberField("seq", e.seq());
            g.writeStringField("type", e.type().name());
            g.writeStringField("occurredAt", OUT.format(e.occurredAt().atOffset(VIETNAM)));
            g.writeStringField("agencyCode", e.agencyCode());
            g.writeStringField("procedureCode", e.procedureCode());
            if (e.channel() != null) {
                g.writeStringField("channel", e.channel().name());
            }
            if (e.dueAt() != null) {
                g.writeStringField("dueAt", OUT.format(e.dueAt().atOffset(VIETNAM)));
            }
            if (e.toAgencyCode() != null) {
                g.writeStringField("toAgencyCode", e.toAgencyCode());
            }
            if (e.newDueAt() != null) {
                g.writeStringField("newDueAt", OUT.format(e.newDueAt().atOffset(VIETNAM)));
            }
            if (e.feeRequired() != null) {
                g.writeBooleanField("feeRequired", e.feeRequired());
            }
            if (e.paidOnline() != null) {
                g.writeBooleanField("paidOnline", e.paidOnline());
            }
            if (e.digitized() != null) {
                g.writeBooleanField("digitized", e.digitized());
            }
            if (e.reason() != null) {
                g.writeStringField("reason", e.reason());
            }
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }
}
