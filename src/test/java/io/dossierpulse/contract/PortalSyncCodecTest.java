package io.dossierpulse.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.Channel;
import io.dossierpulse.domain.DossierStatus;
import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.portal.PortalSnapshot;
import io.dossierpulse.support.OpenCpsBodies;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class PortalSyncCodecTest {

    private static final PortalSyncCodec CODEC = new PortalSyncCodec(
            PortalSyncCodec.agencyCodes(AgencyDirectory.loadDefault()), 100);

    @Test
    void anOpenCpsBodyIsReadWithTheAgencyNameResolvedAndNothingPersonalKept() throws Exception {
        byte[] body = OpenCpsBodies.dongBo()
                .dossier("000.00.01.H26-250312-0001", "HT-304", "4", "20250312100000", "20250317100000", "", "",
                        "Phường Phúc Xá")
                .bytes();
        PortalSyncCodec.Body parsed = CODEC.decode(body);
        assertEquals(PortalSyncCodec.FULL, parsed.service());
        PortalSnapshot s = assertInstanceOf(PortalSyncCodec.Valid.class, parsed.items().get(0)).snapshot();
        assertEquals("000.00.01.H26-250312-0001", s.dossierId());
        assertEquals("P-BD-PHUCXA", s.agencyCode());
        assertEquals(DossierStatus.PROCESSING, s.status());
        assertEquals(Channel.IN_PERSON, s.channel(), "HinhThuc 0");
        assertEquals(OffsetDateTime.parse("2025-03-12T10:00:00+07:00").toInstant(), s.acceptedAt());
        assertEquals(OffsetDateTime.parse("2025-03-17T10:00:00+07:00").toInstant(), s.dueAt());
        assertNull(s.endedAt(), "\"\" is no date");
        byte[] kept = PortalSyncCodec.encode(s);
        assertNull(OpenCpsBodies.personalIn(kept), new String(kept, StandardCharsets.UTF_8));
        // What is kept reads back to the same snapshot.
        assertEquals(s, ((PortalSyncCodec.Valid) CODEC.decode(kept).items().get(0)).snapshot());
    }

    @Test
    void supplementRoundsAndProgressUpdatesAreRead() throws Exception {
        byte[] body = OpenCpsBodies.dongBo()
                .dossier("D-1", "HT-304", "4", "20250312100000", "20250320100000", "", "", "P-BD-PHUCXA",
                        OpenCpsBodies.round("20250313090000", "20250314090000", "20250317100000", "20250320100000"))
                .bytes();
        PortalSnapshot s = ((PortalSyncCodec.Valid) CODEC.decode(body).items().get(0)).snapshot();
        assertEquals(1, s.rounds().size());
        assertEquals(OffsetDateTime.parse("2025-03-20T10:00:00+07:00").toInstant(), s.rounds().get(0).newDue());
        assertNull(OpenCpsBodies.personalIn(PortalSyncCodec.encode(s)));

        byte[] progress = OpenCpsBodies.capNhatTienDo().progress("D-1", "9", "20250318150000").bytes();
        PortalSyncCodec.Body p = CODEC.decode(progress);
        PortalSnapshot u = ((PortalSyncCodec.Valid) p.items().get(0)).snapshot();
        assertTrue(u.progress());
        assertEquals(DossierStatus.RESOLVED, u.status());
        assertEquals(OffsetDateTime.parse("2025-03-18T15:00:00+07:00").toInstant(), u.statusAt());
        assertNull(OpenCpsBodies.personalIn(PortalSyncCodec.encode(u)), "the official's name and notes are dropped");
    }

    @Test
    void eachBadItemIsAnsweredByNumberAndTheOthersAreKept() throws Exception {
        byte[] body = OpenCpsBodies.dongBo()
                .dossier("D-OK", "HT-304", "2", "20250312100000", "20250317100000", "", "", "P-BD-PHUCXA")
                .dossier("", "HT-304", "2", "20250312100000", "", "", "", "P-BD-PHUCXA")
                .dossier("D-3", "HT-304", "11", "20250312100000", "", "", "", "P-BD-PHUCXA")
                .dossier("D-4", "HT-304", "2", "2025-03-12", "", "", "", "P-BD-PHUCXA")
                .dossier("D-5", "HT-304", "4", "", "", "", "", "P-BD-PHUCXA")
                .dossier("D-6", "HT-304", "2", "20250312100000", "", "", "", "Ủy ban không có thật")
                .dossier("D 7", "HT-304", "2", "20250312100000", "", "", "", "P-BD-PHUCXA")
                .bytes();
        var items = CODEC.decode(body).items();
        assertInstanceOf(PortalSyncCodec.Valid.class, items.get(0));
        assertInvalid(items.get(1), 2, RejectReason.MISSING_FIELD, "MaHoSo");
        assertInvalid(items.get(2), 3, RejectReason.INVALID_VALUE, "TrangThaiHoSo");
        assertInvalid(items.get(3), 4, RejectReason.INVALID_VALUE, "NgayTiepNhan");
        assertInvalid(items.get(4), 5, RejectReason.MISSING_FIELD, "NgayTiepNhan");
        // DonViXuLy unknown, but the envelope's madonvi is a valid (unregistered) code: taken.
        assertEquals("000.00.01.H26",
                assertInstanceOf(PortalSyncCodec.Valid.class, items.get(5)).snapshot().agencyCode());
        assertInvalid(items.get(6), 7, RejectReason.INVALID_VALUE, "MaHoSo");
        for (var item : items) {
            if (item instanceof PortalSyncCodec.Invalid bad) {
                assertNull(OpenCpsBodies.personalIn(bad.message().getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    @Test
    void bodiesThatCannotBeReadAreRefusedWhole() {
        assertEquals(RejectReason.NOT_JSON, refused("{\"service\":"));
        assertEquals(RejectReason.NOT_AN_OBJECT, refused("[1,2]"));
        assertEquals(RejectReason.UNKNOWN_SERVICE, refused("{\"service\":\"TraCuuHoSo\",\"data\":[]}"));
        assertEquals(RejectReason.MISSING_FIELD, refused("{\"service\":\"DongBoHoSoMC\"}"));
        assertEquals(RejectReason.TOO_MANY_ITEMS,
                refused("{\"service\":\"DongBoHoSoMC\",\"data\":[" + "{},".repeat(100) + "{}]}"));
        // Deep nesting stops at the parser's bound, not on the stack.
        assertEquals(RejectReason.TOO_LARGE, refused("{\"service\":\"DongBoHoSoMC\",\"data\":" + "[".repeat(5000)));
    }

    @Test
    void impossibleDatesAreRefusedAndRoundsWithoutDatesComeLast() throws Exception {
        var items = CODEC.decode(OpenCpsBodies.dongBo()
                .dossier("D-1", "HT-304", "2", "20250231100000", "", "", "", "P-BD-PHUCXA").bytes()).items();
        assertInvalid(items.get(0), 1, RejectReason.INVALID_VALUE, "NgayTiepNhan");
        // As many rounds as allowed, every other one without its date: read, dated ones first, in order.
        com.fasterxml.jackson.databind.node.ObjectNode[] rounds = new com.fasterxml.jackson.databind.node.ObjectNode[PortalSyncCodec.MAX_ROUNDS];
        for (int i = 0; i < rounds.length; i++) {
            String day = String.format("202503%02d090000", 31 - i % 28);
            rounds[i] = OpenCpsBodies.round(i % 2 == 0 ? "" : day, "", "", "");
        }
        PortalSnapshot s = assertInstanceOf(PortalSyncCodec.Valid.class, CODEC.decode(OpenCpsBodies.dongBo()
                .dossier("D-2", "HT-304", "5", "20250301080000", "", "", "", "P-BD-PHUCXA", rounds).bytes())
                .items().get(0)).snapshot();
        assertEquals(PortalSyncCodec.MAX_ROUNDS, s.rounds().size());
        for (int i = 1; i < s.rounds().size(); i++) {
            var before = s.rounds().get(i - 1).requestedAt();
            var after = s.rounds().get(i).requestedAt();
            assertTrue(after == null || before != null && !after.isBefore(before), s.rounds().toString());
        }
    }

    private static RejectReason refused(String body) {
        return assertThrows(PortalSyncCodec.BodyError.class,
                () -> CODEC.decode(body.getBytes(StandardCharsets.UTF_8))).reason();
    }

    private static void assertInvalid(PortalSyncCodec.Item item, int number, RejectReason reason, String field) {
        PortalSyncCodec.Invalid bad = assertInstanceOf(PortalSyncCodec.Invalid.class, item);
        assertEquals(number, bad.number());
        assertEquals(reason, bad.reason(), bad.message());
        assertTrue(bad.message().contains(field), bad.message());
    }
}
