package io.dossierpulse.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    static final String VALID = """
            {"eventId":"e-1","dossierId":"HN-2025-000001","seq":1,"type":"SUBMITTED",
             "occurredAt":"2025-03-12T10:00:00+07:00","agencyCode":"P-BD-PHUCXA","procedureCode":"HT-301",
             "channel":"ONLINE"}""";

    /** VALID with one field replaced (or added when absent). */
    static String with(String field, String json) {
        String v = VALID.replace("\n", "").replaceAll("\\s+\"", "\"");
        String pattern = "\"" + field + "\":(\"[^\"]*\"|[^,}]*)";
        if (v.matches(".*" + pattern + ".*")) {
            return json == null ? v.replaceFirst(",?" + pattern, "").replace("{,", "{")
                    : v.replaceFirst(pattern, java.util.regex.Matcher.quoteReplacement("\"" + field + "\":" + json));
        }
        return v.substring(0, v.length() - 1) + ",\"" + field + "\":" + json + "}";
    }

    @Test
    void decodesAValidEvent() {
        DossierEvent e = assertInstanceOf(ParseResult.Valid.class, codec.decode(VALID.getBytes(StandardCharsets.UTF_8)))
                .event();
        assertEquals("e-1", e.eventId());
        assertEquals("HN-2025-000001", e.dossierId());
        assertEquals(1, e.seq());
        assertEquals(EventType.SUBMITTED, e.type());
        assertEquals(Instant.parse("2025-03-12T03:00:00Z"), e.occurredAt());
        assertEquals(Channel.ONLINE, e.channel());
        assertEquals(null, e.dueAt());
    }

    @Test
    void encodeThenDecodeIsIdentity() {
        DossierEvent e = new DossierEvent("e-9", "HN-9", 7, EventType.APOLOGY_ISSUED,
                Instant.parse("2025-01-02T01:02:03.250Z"), "SO-TP", "TP-101", null, Instant.parse("2025-01-05T10:00:00Z"),
                null, Instant.parse("2025-01-09T10:00:00Z"), true, false, true, "quá hạn do thiếu hồ sơ");
        assertEquals(e, ((ParseResult.Valid) codec.decode(codec.encode(e))).event());
    }

    static Stream<Arguments> malformed() {
        byte[] invalidUtf8 = VALID.getBytes(StandardCharsets.UTF_8);
        invalidUtf8[VALID.indexOf("e-1") + 1] = (byte) 0xC3; // a lead byte followed by '1', not a continuation
        return Stream.of(
                Arguments.of("not JSON", "hello".getBytes(), RejectReason.NOT_JSON, "malformed JSON"),
                Arguments.of("empty", new byte[0], RejectReason.NOT_JSON, "empty"),
                Arguments.of("truncated", VALID.substring(0, 40).getBytes(), RejectReason.NOT_JSON, "malformed"),
                Arguments.of("trailing garbage", (VALID + "x").getBytes(), RejectReason.NOT_JSON, "malformed JSON"),
                Arguments.of("array", "[1,2]".getBytes(), RejectReason.NOT_AN_OBJECT, "an array"),
                Arguments.of("number", "42".getBytes(), RejectReason.NOT_AN_OBJECT, "a number"),
                Arguments.of("missing eventId", b(with("eventId", null)), RejectReason.MISSING_FIELD, "eventId"),
                Arguments.of("missing dossierId", b(with("dossierId", null)), RejectReason.MISSING_FIELD, "dossierId"),
                Arguments.of("missing seq", b(with("seq", null)), RejectReason.MISSING_FIELD, "seq"),
                Arguments.of("missing type", b(with("type", null)), RejectReason.MISSING_FIELD, "type"),
                Arguments.of("missing occurredAt", b(with("occurredAt", null)), RejectReason.MISSING_FIELD, "occurredAt"),
                Arguments.of("missing agencyCode", b(with("agencyCode", null)), RejectReason.MISSING_FIELD, "agencyCode"),
                Arguments.of("missing procedureCode", b(with("procedureCode", null)), RejectReason.MISSING_FIELD,
                        "procedureCode"),
                Arguments.of("missing channel on SUBMITTED", b(with("channel", null)), RejectReason.MISSING_FIELD,
                        "channel (required on SUBMITTED)"),
                Arguments.of("missing toAgencyCode on TRANSFERRED", b(with("type", "\"TRANSFERRED\"")),
                        RejectReason.MISSING_FIELD, "toAgencyCode"),
                Arguments.of("missing newDueAt on APOLOGY_ISSUED", b(with("type", "\"APOLOGY_ISSUED\"")),
                        RejectReason.MISSING_FIELD, "newDueAt"),
                Arguments.of("seq as string", b(with("seq", "\"1\"")), RejectReason.WRONG_TYPE, "seq must be an integer"),
                Arguments.of("seq fractional", b(with("seq", "1.5")), RejectReason.WRONG_TYPE, "seq must be an integer"),
                Arguments.of("seq zero", b(with("seq", "0")), RejectReason.INVALID_VALUE, "seq must be between"),
                Arguments.of("seq huge", b(with("seq", "123456789012345678901234")), RejectReason.INVALID_VALUE, "seq"),
                Arguments.of("eventId number", b(with("eventId", "12")), RejectReason.WRONG_TYPE, "eventId must be a string"),
                Arguments.of("dossierId null", b(with("dossierId", "null")), RejectReason.WRONG_TYPE, "got null"),
                Arguments.of("type object", b(with("type", "{}")), RejectReason.WRONG_TYPE, "an object"),
                Arguments.of("unknown type", b(with("type", "\"LOST\"")), RejectReason.UNKNOWN_TYPE, "'LOST'"),
                Arguments.of("lower-case type", b(with("type", "\"submitted\"")), RejectReason.UNKNOWN_TYPE, "submitted"),
                Arguments.of("bad channel", b(with("channel", "\"FAX\"")), RejectReason.INVALID_VALUE, "channel must be"),
                Arguments.of("boolean as string", b(with("digitized", "\"yes\"")), RejectReason.WRONG_TYPE, "a boolean"),
                Arguments.of("eventId too long", b(with("eventId", "\"" + "x".repeat(65) + "\"")),
                        RejectReason.INVALID_VALUE, "65 characters; at most 64"),
                Arguments.of("empty dossierId", b(with("dossierId", "\"\"")), RejectReason.INVALID_VALUE, "must not be empty"),
                Arguments.of("blank agency", b(with("agencyCode", "\"   \"")), RejectReason.INVALID_VALUE, "empty"),
                Arguments.of("space in id", b(with("dossierId", "\"HN 1\"")), RejectReason.INVALID_VALUE,
                        "may contain only"),
                Arguments.of("slash in id", b(with("agencyCode", "\"P/BD\"")), RejectReason.INVALID_VALUE, "position 2"),
                Arguments.of("letter outside A-Z in id", b(with("procedureCode", "\"HỘ-1\"")), RejectReason.INVALID_VALUE,
                        "may contain only"),
                Arguments.of("escaped NUL in id", b(with("dossierId", "\"HN\\u0000X\"")), RejectReason.INVALID_VALUE,
                        "control character"),
                Arguments.of("raw NUL byte", b(with("reason", "\"a\u0000b\"")), RejectReason.NOT_JSON, "malformed"),
                Arguments.of("NUL bytes only", new byte[] {0, 0, 0}, RejectReason.NOT_JSON, "malformed"),
                Arguments.of("invalid UTF-8", invalidUtf8, RejectReason.INVALID_ENCODING, "UTF-8"),
                Arguments.of("no offset", b(with("occurredAt", "\"2025-03-12T10:00:00\"")), RejectReason.INVALID_VALUE,
                        "with an offset"),
                Arguments.of("date only", b(with("occurredAt", "\"2025-03-12\"")), RejectReason.INVALID_VALUE, "ISO-8601"),
                Arguments.of("31 February", b(with("occurredAt", "\"2025-02-31T10:00:00+07:00\"")),
                        RejectReason.INVALID_VALUE, "ISO-8601"),
                Arguments.of("year 1", b(with("occurredAt", "\"0001-01-01T00:00:00Z\"")), RejectReason.INVALID_VALUE,
                        "outside the accepted range"),
                Arguments.of("year 9999", b(with("occurredAt", "\"9999-12-31T23:59:59+07:00\"")),
                        RejectReason.INVALID_VALUE, "outside the accepted range"),
                Arguments.of("epoch millis", b(with("occurredAt", "1741748400000")), RejectReason.WRONG_TYPE,
                        "a date-time string"),
                Arguments.of("bad dueAt", b(with("dueAt", "\"soon\"")), RejectReason.INVALID_VALUE, "dueAt"),
                Arguments.of("unknown field (personal data)", b(with("citizenName", "\"Nguyễn Văn A\"")),
                        RejectReason.UNKNOWN_FIELD, "citizenName"),
                Arguments.of("duplicate field", b(VALID.replace("{", "{\"seq\":2,")), RejectReason.NOT_JSON, "Duplicate"),
                Arguments.of("over-size", b(with("reason", "\"" + "x".repeat(17_000) + "\"")), RejectReason.TOO_LARGE,
                        "the limit is 16384"),
                Arguments.of("reason too long", b(with("reason", "\"" + "x".repeat(2_001) + "\"")),
                        RejectReason.INVALID_VALUE, "reason"));
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsWithAReasonAndAMessage(String name, byte[] input, RejectReason reason, String messagePart) {
        ParseResult.Invalid invalid = assertInstanceOf(ParseResult.Invalid.class, codec.decode(input));
        assertEquals(reason, invalid.violation().reason(), invalid.violation().message());
        assertTrue(invalid.violation().message().contains(messagePart),
                "message '" + invalid.violation().message() + "' should mention '" + messagePart + "'");
    }

    @Test
    void acceptsOptionalFieldsAndOffsets() {
        String json = with("occurredAt", "\"2025-03-12T03:00:00.5Z\"");
        json = with("dueAt", "\"2025-03-17T10:00:00-05:30\"").replace("2025-03-12T10:00:00+07:00",
                "2025-03-12T03:00:00.5Z");
        DossierEvent e = ((ParseResult.Valid) codec.decode(b(json))).event();
        assertEquals(Instant.parse("2025-03-12T03:00:00.500Z"), e.occurredAt());
        assertEquals(Instant.parse("2025-03-17T15:30:00Z"), e.dueAt());
    }

    @Test
    void nullOptionalFieldsAreAbsent() {
        DossierEvent e = ((ParseResult.Valid) codec.decode(b(with("dueAt", "null")))).event();
        assertEquals(null, e.dueAt());
    }
}
