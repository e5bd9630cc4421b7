package io.dossierpulse.domain.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.agency.AgencyLevel;
import io.dossierpulse.domain.sla.LimitUnit;
import io.dossierpulse.domain.sla.SlaLimit;
import java.io.StringReader;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProcedureFileParserTest {

    private static final String HEADER = "# code | name | domain | level | limit | fee | feePausesClock | steps\n\n";
    private static final String GOOD = "HT-301 | Đăng ký khai sinh | Hộ tịch | COMMUNE | same-day<15:00 | no | no |";

    private static ProcedureCatalog load(String text) {
        return ProcedureCatalog.load(new StringReader(text), "test");
    }

    private static CatalogFormatException failure(String text) {
        return assertThrows(CatalogFormatException.class, () -> load(text));
    }

    @Test
    void readsEveryField() {
        ProcedureCatalog c = load(HEADER + GOOD + "\n"
                + "DD-202 | Đăng ký biến động | Đất đai | DISTRICT | 10d | yes | yes | CITY 7d Kiểm tra, chỉnh lý; DISTRICT 3d Xác định nghĩa vụ tài chính\n"
                + "  GT-104 | Cấp phù hiệu | Giao thông | CITY | 16h | no | no  \n");
        assertEquals(3, c.size());
        Procedure birth = c.byCode("HT-301");
        assertEquals("Đăng ký khai sinh", birth.name());
        assertEquals("Hộ tịch", birth.domain());
        assertEquals(AgencyLevel.COMMUNE, birth.level());
        assertEquals(SlaLimit.sameDay(LocalTime.of(15, 0)), birth.limit());
        assertFalse(birth.feeBearing());
        assertFalse(birth.interAgency());

        Procedure land = c.byCode("DD-202");
        assertTrue(land.feeBearing() && land.feePausesClock());
        assertEquals(List.of(
                new ProcedureStep("Kiểm tra, chỉnh lý", AgencyLevel.CITY, SlaLimit.workingDays(7)),
                new ProcedureStep("Xác định nghĩa vụ tài chính", AgencyLevel.DISTRICT, SlaLimit.workingDays(3))),
                land.steps());

        Procedure badge = c.byCode("GT-104");
        assertEquals(SlaLimit.workingHours(16), badge.limit());
        assertEquals(List.of(), badge.steps());
        assertEquals(List.of("HT-301", "DD-202", "GT-104"), c.all().stream().map(Procedure::code).toList());
    }

    @Test
    void acceptsAByteOrderMarkAndSameDayWithoutCutoff() {
        ProcedureCatalog c = load("\uFEFFCT-301 | Chứng thực bản sao | Chứng thực | COMMUNE | same-day | yes | no");
        assertEquals(SlaLimit.sameDay(null), c.byCode("CT-301").limit());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "HT-301 | Đăng ký khai sinh | Hộ tịch | COMMUNE | same-day<15:00 | no                  => expected 7 to 10 fields",
        "HT 301 | Đăng ký khai sinh | Hộ tịch | COMMUNE | same-day<15:00 | no | no |           => code 'HT 301'",
        " | Đăng ký khai sinh | Hộ tịch | COMMUNE | same-day<15:00 | no | no |                 => code ''",
        "HT-301 |  | Hộ tịch | COMMUNE | same-day<15:00 | no | no |                            => name is empty",
        "HT-301 | Đăng ký khai sinh |  | COMMUNE | same-day<15:00 | no | no |                  => domain is empty",
        "HT-301 | Đăng ký khai sinh | Hộ tịch | PROVINCE | same-day<15:00 | no | no |         => level 'PROVINCE'",
        "HT-301 | Đăng ký khai sinh | Hộ tịch | commune | same-day<15:00 | no | no |          => level 'commune'",
        "HT-301 | Đăng ký khai sinh | Hộ tịch | COMMUNE | 3 days | no | no |                  => limit '3 days'",
        "HT-301 | Đăng ký khai sinh | Hộ tịch | COMMUNE | 0d | no | no |                      => limit '0d'",
        "HT-301 | Đăng ký khai sinh | Hộ tịch | COMMUNE | 3w | no | no |                      => limit '3w'",
        "HT-301 | Đăng ký khai sinh | Hộ tịch | COMMUNE | same-day<3pm | no | no |            => cutoff '3pm'",
        "HT-301 | Đăng ký khai sinh | Hộ tịch | COMMUNE | same-day<25:00 | no | no |          => cutoff '25:00'",
        "HT-301 | Đăng ký khai sinh | Hộ tịch | COMMUNE | same-day<15:00 | maybe | no |       => fee 'maybe'",
        "HT-301 | Đăng ký khai sinh | Hộ tịch | COMMUNE | same-day<15:00 | no | true |        => feePausesClock 'true'",
        "DD-201 | Cấp giấy chứng nhận | Đất đai | DISTRICT | 30d | no | yes |                 => feePausesClock is yes but fee is no",
        "LT-001 | Liên thông | Hộ tịch | COMMUNE | 27d | no | no | COMMUNE 2d Khai sinh       => at least two steps",
        "LT-001 | Liên thông | Hộ tịch | COMMUNE | 27d | no | no | COMMUNE 2d Khai sinh;      => step 2 must read",
        "LT-001 | Liên thông | Hộ tịch | COMMUNE | 27d | no | no | COMMUNE 2d; DISTRICT 3d Bảo hiểm => step 1 must read",
        "LT-001 | Liên thông | Hộ tịch | COMMUNE | 27d | no | no | COMMUNE 2d A; WARD 3d B    => step 2 level 'WARD'",
        "LT-001 | Liên thông | Hộ tịch | COMMUNE | 27d | no | no | COMMUNE 2x A; DISTRICT 3d B => step 1 limit '2x'",
        "LT-001 | Liên thông | Hộ tịch | COMMUNE | 27d | no | no | COMMUNE 28d A; DISTRICT 3d B => step 1 allotment 28d exceeds",
        "LT-001 | Liên thông | Hộ tịch | COMMUNE | 27d | no | no | COMMUNE 15d A; DISTRICT 15d B => add up to 14400 working minutes",
        "LT-002 | Liên thông | Hộ tịch | COMMUNE | 4h | no | no | COMMUNE 2h A; DISTRICT same-day B => step 2 allotment same-day exceeds",
    })
    void malformedLineIsReportedWithItsNumber(String line, String expected) {
        CatalogFormatException e = failure(HEADER + GOOD + "\n# a comment\n" + line + "\n");
        assertEquals(1, e.problems().size(), e.getMessage());
        CatalogFormatException.Problem p = e.problems().get(0);
        assertEquals(5, p.line(), e.getMessage());
        assertTrue(p.message().contains(expected), p.message());
        assertTrue(e.getMessage().contains("line 5: "), e.getMessage());
        assertTrue(e.getMessage().startsWith("procedure catalog test: 1 problem"), e.getMessage());
    }

    @Test
    void everyBadLineIsReportedInOnePass() {
        CatalogFormatException e = failure(GOOD + "\n"
                + "HT-302 | Đăng ký kết hôn | Hộ tịch | COMMUNE | soon | no | no\n"
                + "HT-303 | Đăng ký khai tử | Hộ tịch | COMMUNE | same-day<15:00 | no | no\n"
                + "\n"
                + "HT-301 | Đăng ký khai sinh (bản trùng) | Hộ tịch | COMMUNE | same-day<15:00 | no | no\n"
                + "HT-304 | Đăng ký nhận cha, mẹ, con | Hộ tịch | TOWN | 3d | yes | no\n");
        assertEquals(List.of(2, 5, 6), e.problems().stream().map(CatalogFormatException.Problem::line).toList());
        assertTrue(e.problems().get(1).message().contains("duplicate code HT-301, first declared on line 1"),
                e.problems().get(1).message());
        assertTrue(e.getMessage().contains("3 problems"), e.getMessage());
    }

    @Test
    void problemsAreCappedForAWrongFile() {
        StringBuilder junk = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            junk.append("not a catalog line\n");
        }
        CatalogFormatException e = failure(junk.toString());
        assertEquals(ProcedureFileParser.MAX_PROBLEMS, e.problems().size());
        assertEquals(1, e.problems().get(0).line());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "# only comments\n# here\n"})
    void aFileWithoutProceduresIsRejected(String text) {
        CatalogFormatException e = failure(text);
        assertEquals(1, e.problems().size());
        assertEquals(0, e.problems().get(0).line());
        assertTrue(e.problems().get(0).message().contains("no procedures"));
    }

    @ParameterizedTest
    @CsvSource({
        "1d,             1,  WORKING_DAYS,",
        "27d,            27, WORKING_DAYS,",
        "8h,             8,  WORKING_HOURS,",
        "same-day,       0,  SAME_DAY,",
        "same-day<15:00, 0,  SAME_DAY, 15:00",
        "same-day<11:30, 0,  SAME_DAY, 11:30",
    })
    void limitsParseAndFormatBack(String text, int amount, LimitUnit unit, String cutoff) {
        SlaLimit limit = ProcedureFileParser.parseLimit(text);
        assertEquals(new SlaLimit(amount, unit, cutoff == null ? null : LocalTime.parse(cutoff)), limit);
        assertEquals(text, ProcedureFileParser.format(limit));
    }

    @Test
    void catalogOfRejectsDuplicateCodes() {
        Procedure p = new Procedure("HT-301", "Đăng ký khai sinh", "Hộ tịch", AgencyLevel.COMMUNE,
                SlaLimit.sameDay(LocalTime.of(15, 0)), false, false, List.of());
        assertThrows(IllegalArgumentException.class, () -> ProcedureCatalog.of(List.of(p, p)));
        ProcedureCatalog one = ProcedureCatalog.of(List.of(p));
        assertEquals(p, one.byCode("HT-301"));
        assertNull(one.byCode("HT-302"));
        assertEquals(List.of(), one.byLevel(AgencyLevel.CITY));
    }
}
