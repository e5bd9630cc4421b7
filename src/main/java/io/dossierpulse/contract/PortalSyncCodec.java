package io.dossierpulse.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.calendar.WorkingCalendar;
import io.dossierpulse.domain.portal.PortalSnapshot;
import io.dossierpulse.domain.portal.PortalSnapshot.SupplementRound;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads the national portal's sync bodies ({@code {"service": "DongBoHoSoMC" | "CapNhatTienDoHoSoMC",
 * "data": [...]}}, docs/portal-sync.md) into {@link PortalSnapshot}s, one verdict per item, and writes a
 * snapshot back in the same shape. Only the fields listed in {@link #FULL_FIELDS} and
 * {@link #PROGRESS_FIELDS} are ever read: the applicant's name, contacts, ids, summaries, notes and
 * attachments are never copied anywhere, and no message quotes a value. Thread-safe.
 */
public final class PortalSyncCodec {

    public static final String FULL = "DongBoHoSoMC";
    public static final String PROGRESS = "CapNhatTienDoHoSoMC";
    /** The fields of a DongBoHoSoMC item that are read; every other one is dropped unread. */
    public static final List<String> FULL_FIELDS = List.of("MaHoSo", "MaTTHC", "TrangThaiHoSo", "DonViXuLy",
            "KenhThucHien", "HinhThuc", "NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra",
            "DanhSachHoSoBoSung");
    /** The fields of a supplement round (DanhSachHoSoBoSung item) that are read. */
    public static final List<String> ROUND_FIELDS = List.of("NgayBoSung", "NgayTiepNhanBoSung", "NgayHenTraTruoc",
            "NgayHenTraMoi");
    /** The fields of a CapNhatTienDoHoSoMC item that are read (not NguoiXuLy, ChucDanh, NoiDungXuLy). */
    public static final List<String> PROGRESS_FIELDS = List.of("MaHoSo", "TrangThai", "ThoiDiemXuLy");
    public static final int MAX_ROUNDS = 32;
    /** Bounds of the parser, for fields read or not: nesting and the length of one string. */
    public static final int MAX_DEPTH = 16;
    public static final int MAX_STRING = 1024 * 1024;
    /** Items per body read from the topic at most (a record is at most the broker's message size anyway). */
    public static final int MAX_ITEMS = 5000;
    /** The portal's date layout, in Vietnam's time. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** One item's verdict, numbered from 1 in the body's order. */
    public sealed interface Item permits Valid, Invalid {
        int number();
    }

    public record Valid(int number, PortalSnapshot snapshot) implements Item {
    }

    public record Invalid(int number, RejectReason reason, String message) implements Item {
    }

    public record Body(String service, List<Item> items) {
    }

    /** The body as a whole cannot be read: nothing in it is taken. */
    public static final class BodyError extends Exception {
        private final RejectReason reason;

        BodyError(RejectReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        public RejectReason reason() {
            return reason;
        }
    }

    private final ObjectMapper json;
    private final UnaryOperator<String> agencyCodeOf;
    private final int maxItems;

    /**
     * @param agencyCodeOf the agency code a DonViXuLy text stands for (a code or a name), or null when
     *                     it stands for none
     * @param maxItems     items per body at most
     */
    public PortalSyncCodec(UnaryOperator<String> agencyCodeOf, int maxItems) {
        this.agencyCodeOf = agencyCodeOf;
        this.maxItems = maxItems;
        this.json = new ObjectMapper(JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING)
                        .build())
                .build());
    }

    /**
     * How DonViXuLy is read: an agency's code or name in the directory; else a text that is a valid
     * code is taken as an unregistered one (counted under UNREGISTERED, as contract v1 does).
     */
    public static UnaryOperator<String> agencyCodes(io.dossierpulse.domain.agency.AgencyDirectory directory) {
        return text -> {
            String code = directory.codeFor(text);
            return code != null ? code : EventCodec.idProblem(text) == null ? text : null;
        };
    }

    public Body decode(byte[] body) throws BodyError {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : json.readTree(body);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new BodyError(RejectReason.TOO_LARGE, "the body nests deeper than " + MAX_DEPTH
                    + " levels or holds a string longer than " + MAX_STRING + " characters");
        } catch (IOException e) {
            throw new BodyError(RejectReason.NOT_JSON, "the body is not one well-formed JSON document");
        }
        if (root == null || !root.isObject()) {
            throw new BodyError(RejectReason.NOT_AN_OBJECT, "a sync body is a JSON object with service and data");
        }
        String service = root.path("service").asText("");
        if (!FULL.equals(service) && !PROGRESS.equals(service)) {
            throw new BodyError(RejectReason.UNKNOWN_SERVICE,
                    "service must be " + FULL + " or " + PROGRESS);
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new BodyError(RejectReason.MISSING_FIELD, "data must be an array of items");
        }
        if (data.size() > maxItems) {
            throw new BodyError(RejectReason.TOO_MANY_ITEMS,
                    "data holds " + data.size() + " items; at most " + maxItems + " per body");
        }
        // The sender's own unit code (opencps-v2 adds it to every body): the agency when DonViXuLy names none known.
        String sender = root.path("madonvi").isTextual() ? root.get("madonvi").asText() : null;
        List<Item> items = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            items.add(item(i + 1, data.get(i), PROGRESS.equals(service), sender));
        }
        return new Body(service, items);
    }

    private Item item(int number, JsonNode n, boolean progress, String sender) {
        if (!n.isObject()) {
            return new Invalid(number, RejectReason.NOT_AN_OBJECT, "item " + number + " is not a JSON object");
        }
        try {
            return new Valid(number, progress ? progressItem(n) : fullItem(n, sender));
        } catch (Bad b) {
            return new Invalid(number, b.reason, b.getMessage());
        }
    }

    private PortalSnapshot fullItem(JsonNode n, String sender) throws Bad {
        String dossierId = id(n, "MaHoSo");
        String procedure = id(n, "MaTTHC");
        DossierStatus status = status(n, "TrangThaiHoSo");
        String agencyText = required(n, "DonViXuLy");
        String agency = agencyCodeOf.apply(agencyText);
        if (agency == null && sender != null) {
            agency = agencyCodeOf.apply(sender);
        }
        if (agency == null) {
            throw new Bad(RejectReason.INVALID_VALUE,
                    "DonViXuLy (and madonvi) is neither an agency code nor the name of an agency in the directory");
        }
        Instant acceptedAt = date(n, "NgayTiepNhan");
        boolean needsAcceptance = status != DossierStatus.SUBMITTED && status != DossierStatus.NOT_ACCEPTED
                && status != DossierStatus.WITHDRAWN;
        if (acceptedAt == null && needsAcceptance) {
            throw new Bad(RejectReason.MISSING_FIELD, "NgayTiepNhan is required with TrangThaiHoSo " + status.code());
        }
        return new PortalSnapshot(false, dossierId, procedure, agency, status, channel(n), date(n, "NgayNopHoSo"),
                acceptedAt, date(n, "NgayHenTra"), date(n, "NgayKetThucXuLy"), date(n, "NgayTra"), null, rounds(n));
    }

    private PortalSnapshot progressItem(JsonNode n) throws Bad {
        String dossierId = id(n, "MaHoSo");
        DossierStatus status = status(n, "TrangThai");
        Instant at = date(n, "ThoiDiemXuLy");
        if (at == null) {
            throw new Bad(RejectReason.MISSING_FIELD, "missing required field ThoiDiemXuLy");
        }
        return new PortalSnapshot(true, dossierId, null, null, status, null, null, null, null, null, null, at,
                List.of());
    }

    /** KenhThucHien (1 in person, 2 online, 3 post); without it HinhThuc in the same codes; else in person. */
    private static Channel channel(JsonNode n) throws Bad {
        String name = text(n, "KenhThucHien") != null ? "KenhThucHien" : "HinhThuc";
        String code = text(n, name);
        if (code == null) {
            return Channel.IN_PERSON;
        }
        return switch (code) {
            case "0", "1" -> Channel.IN_PERSON;
            case "2" -> Channel.ONLINE;
            case "3" -> Channel.POSTAL;
            default -> throw new Bad(RejectReason.INVALID_VALUE, name + " must be 1, 2 or 3");
        };
    }

    private static List<SupplementRound> rounds(JsonNode n) throws Bad {
        JsonNode list = n.get("DanhSachHoSoBoSung");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new Bad(RejectReason.WRONG_TYPE, "DanhSachHoSoBoSung must be an array");
        }
        if (list.size() > MAX_ROUNDS) {
            throw new Bad(RejectReason.INVALID_VALUE,
                    "DanhSachHoSoBoSung holds " + list.size() + " rounds; at most " + MAX_ROUNDS);
        }
        List<SupplementRound> rounds = new ArrayList<>(list.size());
        for (JsonNode r : list) {
            if (!r.isObject()) {
                throw new Bad(RejectReason.WRONG_TYPE, "each DanhSachHoSoBoSung item must be an object");
            }
            rounds.add(new SupplementRound(date(r, "NgayBoSung"), date(r, "NgayTiepNhanBoSung"),
                    date(r, "NgayHenTraTruoc"), date(r, "NgayHenTraMoi")));
        }
        // The order the rounds were requested in (a stable sort); rounds without their date last.
        rounds.sort(java.util.Comparator.comparing(SupplementRound::requestedAt,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        return List.copyOf(rounds);
    }

    private static String id(JsonNode n, String field) throws Bad {
        String s = required(n, field);
        String problem = EventCodec.idProblem(s);
        if (problem != null) {
            throw new Bad(RejectReason.INVALID_VALUE, field + " " + problem);
        }
        return s;
    }

    private static DossierStatus status(JsonNode n, String field) throws Bad {
        String s = required(n, field);
        try {
            return DossierStatus.ofCode(Integer.parseInt(s));
        } catch (IllegalArgumentException e) {
            throw new Bad(RejectReason.INVALID_VALUE, field + " must be a status code 1-10");
        }
    }

    private static String required(JsonNode n, String field) throws Bad {
        String s = text(n, field);
        if (s == null) {
            throw new Bad(RejectReason.MISSING_FIELD, "missing required field " + field);
        }
        return s;
    }

    /** The field as text: the portal sends strings, some systems numbers; "" and null are absent. */
    private static String text(JsonNode n, String field) throws Bad {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() && !v.isIntegralNumber()) {
            throw new Bad(RejectReason.WRONG_TYPE, field + " must be a string");
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static Instant date(JsonNode n, String field) throws Bad {
        String s = text(n, field);
        if (s == null) {
            return null;
        }
        Instant at;
        try {
            at = LocalDateTime.parse(s, DATE).toInstant(WorkingCalendar.OFFSET);
        } catch (DateTimeParseException e) {
            throw new Bad(RejectReason.INVALID_VALUE, field + " must be a date as yyyyMMddHHmmss");
        }
        if (at.isBefore(EventCodec.EARLIEST) || !at.isBefore(EventCodec.LATEST)) {
            throw new Bad(RejectReason.INVALID_VALUE, field + " must be in the years 1990-2099");
        }
        return at;
    }

    /** One snapshot as a one-item body of its service, with the agency resolved to its code and nothing personal. */
    public static byte[] encode(PortalSnapshot s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(384);
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("service", s.progress() ? PROGRESS : FULL);
            g.writeArrayFieldStart("data");
            g.writeStartObject();
            g.writeStringField("MaHoSo", s.dossierId());
            if (s.progress()) {
                g.writeStringField("TrangThai", Integer.toString(s.status().code()));
                writeDate(g, "ThoiDiemXuLy", s.statusAt());
            } else {
                g.writeStringField("MaTTHC", s.procedureCode());
                g.writeStringField("TrangThaiHoSo", Integer.toString(s.status().code()));
                g.writeStringField("DonViXuLy", s.agencyCode());
                g.writeStringField("KenhThucHien", Integer.toString(s.channel().code()));
                writeDate(g, "NgayNopHoSo", s.submittedAt());
                writeDate(g, "NgayTiepNhan", s.acceptedAt());
                writeDate(g, "NgayHenTra", s.dueAt());
                writeDate(g, "NgayKetThucXuLy", s.endedAt());
                writeDate(g, "NgayTra", s.returnedAt());
                g.writeArrayFieldStart("DanhSachHoSoBoSung");
                for (SupplementRound r : s.rounds()) {
                    g.writeStartObject();
                    writeDate(g, "NgayBoSung", r.requestedAt());
                    writeDate(g, "NgayTiepNhanBoSung", r.receivedAt());
                    writeDate(g, "NgayHenTraTruoc", r.previousDue());
                    writeDate(g, "NgayHenTraMoi", r.newDue());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The portal's date text of an instant ("" when absent, as the portal writes it). */
    public static String format(Instant at) {
        return at == null ? "" : DATE.format(at.atOffset(WorkingCalendar.OFFSET));
    }

    private static void writeDate(JsonGenerator g, String field, Instant at) throws IOException {
        g.writeStringField(field, format(at));
    }

    /** An item's problem, thrown while reading it. */
    private static final class Bad extends Exception {
        final RejectReason reason;

        Bad(RejectReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
