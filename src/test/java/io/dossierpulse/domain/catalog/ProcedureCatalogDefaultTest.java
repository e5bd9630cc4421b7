package io.dossierpulse.domain.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.agency.AgencyLevel;
import io.dossierpulse.domain.sla.LimitUnit;
import io.dossierpulse.domain.sla.SlaLimit;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalog shipped with the product. */
class ProcedureCatalogDefaultTest {

    private static ProcedureCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = ProcedureCatalog.loadDefault();
    }

    @Test
    void holdsAtLeastSixtyProceduresWithUniqueCodes() {
        assertTrue(catalog.size() >= 60, "only " + catalog.size());
        Set<String> codes = new HashSet<>();
        for (Procedure p : catalog.all()) {
            assertTrue(codes.add(p.code()), "duplicate " + p.code());
            assertSame(p, catalog.byCode(p.code()));
            assertTrue(catalog.isRegistered(p.code()));
        }
        assertEquals(catalog.size(), codes.size());
    }

    @ParameterizedTest
    @EnumSource(AgencyLevel.class)
    void everyLevelHasProceduresInFileOrder(AgencyLevel level) {
        List<Procedure> atLevel = catalog.byLevel(level);
        assertTrue(atLevel.size() >= 15, level + " has " + atLevel.size());
        List<Procedure> expected = new ArrayList<>();
        for (Procedure p : catalog.all()) {
            if (p.level() == level) {
                expected.add(p);
            }
        }
        assertEquals(expected, atLevel);
    }

    @Test
    void allIsInFileOrderAndUnmodifiable() {
        assertEquals("HT-301", catalog.all().get(0).code());
        assertThrows(UnsupportedOperationException.class, () -> catalog.all().remove(0));
        assertThrows(UnsupportedOperationException.class, () -> catalog.byLevel(AgencyLevel.CITY).clear());
    }

    @Test
    void stepAllotmentsFitWithinTheTotal() {
        int interAgency = 0;
        for (Procedure p : catalog.all()) {
            if (!p.interAgency()) {
                continue;
            }
            interAgency++;
            assertTrue(p.steps().size() >= 2, p.code());
            long total = minutes(p.limit());
            long sum = 0;
            for (ProcedureStep s : p.steps()) {
                assertFalse(s.name().isBlank(), p.code());
                sum += minutes(s.allotment());
            }
            assertTrue(sum <= total, p.code() + ": steps " + sum + " > total " + total);
        }
        assertTrue(interAgency >= 5, "inter-agency procedures: " + interAgency);
    }

    /** Nominal working minutes, written out here rather than borrowed from the parser. */
    private static long minutes(SlaLimit limit) {
        if (limit.unit() == LimitUnit.WORKING_DAYS) {
            return limit.amount() * 480L;
        }
        return limit.unit() == LimitUnit.WORKING_HOURS ? limit.amount() * 60L : 480L;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiterString = " ; ", value = {
        // code ; name contains ; level ; amount ; unit ; cutoff
        "HT-301 ; Đăng ký khai sinh ; COMMUNE ; 0 ; SAME_DAY ; 15:00",
        "HT-302 ; Đăng ký kết hôn ; COMMUNE ; 0 ; SAME_DAY ; 15:00",
        "CT-301 ; Chứng thực bản sao từ bản chính ; COMMUNE ; 0 ; SAME_DAY ; 15:00",
        "KD-101 ; Đăng ký thành lập doanh nghiệp ; CITY ; 3 ; WORKING_DAYS ; ",
        "KD-102 ; Đăng ký thành lập công ty ; CITY ; 3 ; WORKING_DAYS ; ",
        "KD-201 ; Đăng ký thành lập hộ kinh doanh ; DISTRICT ; 3 ; WORKING_DAYS ; ",
        "HT-314 ; trẻ em dưới 6 tuổi ; COMMUNE ; 27 ; WORKING_DAYS ; ",
        "DT-101 ; Giấy chứng nhận đăng ký đầu tư ; CITY ; 15 ; WORKING_DAYS ; ",
        "XD-201 ; giấy phép xây dựng ; DISTRICT ; 15 ; WORKING_DAYS ; ",
        "XD-101 ; giấy phép xây dựng ; CITY ; 20 ; WORKING_DAYS ; ",
        "DD-201 ; Giấy chứng nhận quyền sử dụng đất ; DISTRICT ; 30 ; WORKING_DAYS ; ",
    })
    void seedExamplesArePresentWithTheirLimits(String code, String name, AgencyLevel level, int amount,
            LimitUnit unit, String cutoff) {
        Procedure p = catalog.byCode(code);
        assertNotNull(p, code);
        assertTrue(p.name().contains(name), p.name());
        assertEquals(level, p.level());
        assertEquals(new SlaLimit(amount, unit, cutoff == null ? null : LocalTime.parse(cutoff)), p.limit());
    }

    @Test
    void childrenUnderSixBundleHasItsThreeSteps() {
        Procedure p = catalog.byCode("HT-314");
        assertEquals(3, p.steps().size());
        assertEquals(List.of(AgencyLevel.COMMUNE, AgencyLevel.COMMUNE, AgencyLevel.DISTRICT),
                p.steps().stream().map(ProcedureStep::level).toList());
        assertTrue(p.steps().get(0).name().contains("khai sinh"));
        assertTrue(p.steps().get(1).name().contains("thường trú"));
        assertTrue(p.steps().get(2).name().contains("bảo hiểm y tế"));
        assertEquals(27, p.limit().amount());
    }

    /**
     * A step that is a catalogued procedure of its own gets that procedure's limit: the bundles'
     * birth, death, residence and removal steps agree with HT-301, HT-303, CR-301 and CR-305.
     */
    @Test
    void aBundlesStepsAgreeWithTheProceduresTheyAre() {
        assertEquals(catalog.byCode("HT-301").limit(), catalog.byCode("HT-314").steps().get(0).allotment());
        assertEquals(catalog.byCode("CR-301").limit(), catalog.byCode("HT-314").steps().get(1).allotment());
        assertEquals(catalog.byCode("HT-303").limit(), catalog.byCode("HT-315").steps().get(0).allotment());
        assertEquals(catalog.byCode("CR-305").limit(), catalog.byCode("HT-315").steps().get(1).allotment());
        assertEquals(AgencyLevel.DISTRICT, catalog.byCode("CN-202").level(), "tobacco retail, as alcohol retail");
        assertEquals(catalog.byCode("CN-201").level(), catalog.byCode("CN-202").level());
        assertEquals(null, catalog.byCode("CN-101"));
    }

    @Test
    void landRegistrationPausesTheClockForFinancialObligations() {
        for (String code : List.of("DD-201", "DD-202", "DD-203", "DD-204", "DD-205", "DD-101", "DD-102", "DD-103")) {
            Procedure p = catalog.byCode(code);
            assertTrue(p.feeBearing() && p.feePausesClock(), code);
        }
        for (Procedure p : catalog.all()) {
            if (p.feePausesClock()) {
                assertTrue(p.feeBearing(), p.code());
                assertEquals("Đất đai", p.domain(), p.code());
            }
        }
    }

    private static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("HT", "Hộ tịch"), Map.entry("CT", "Chứng thực"), Map.entry("CR", "Cư trú"),
            Map.entry("BT", "Bảo trợ xã hội"), Map.entry("GD", "Giáo dục"), Map.entry("KD", "Đăng ký kinh doanh"),
            Map.entry("DD", "Đất đai"), Map.entry("XD", "Xây dựng"), Map.entry("CN", "Công thương"),
            Map.entry("TN", "Tài nguyên môi trường"), Map.entry("YT", "Y tế"), Map.entry("DT", "Đầu tư"),
            Map.entry("TP", "Tư pháp"), Map.entry("LD", "Lao động"), Map.entry("GT", "Giao thông"));

    @Test
    void shippedCodesFollowTheDocumentedScheme() {
        Map<Character, AgencyLevel> levels = Map.of('1', AgencyLevel.CITY, '2', AgencyLevel.DISTRICT, '3', AgencyLevel.COMMUNE);
        for (Procedure p : catalog.all()) {
            assertTrue(p.code().matches("[A-Z]{2}-[123][0-9]{2}"), p.code());
            assertEquals(PREFIXES.get(p.code().substring(0, 2)), p.domain(), p.code());
            assertEquals(levels.get(p.code().charAt(3)), p.level(), p.code());
        }
        assertTrue(new HashSet<>(catalog.all().stream().map(Procedure::domain).toList()).size() >= 12);
    }

    @Test
    void unknownCodesAreUnregistered() {
        assertNull(catalog.byCode("1.001193"));
        assertNull(catalog.byCode("ht-301"));
        assertNull(catalog.byCode(null));
        assertFalse(catalog.isRegistered("XX-999"));
        assertFalse(catalog.isRegistered(null));
    }
}
