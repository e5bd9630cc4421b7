package io.dossierpulse.domain.agency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped Hanoi hierarchy: counts per level and period, links, rollup chains. */
class AgencyDirectoryDefaultTest {

    private static final AgencyDirectory DIR = AgencyDirectory.loadDefault();
    private static final LocalDate LAST_PRE_REFORM = LocalDate.of(2025, 6, 30);
    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    @ParameterizedTest(name = "{0}: {1} city bodies, {2} districts, {3} communes")
    @CsvSource({
        // root + 21 departments; 12 urban + 17 rural districts + 1 town; the commune sample
        "2024-06-01, 22, 30, 187",
        "2025-06-30, 22, 30, 187",
        // Từ Liêm not yet split: 29 districts, its 5 communes instead of 14 Nam/Bắc Từ Liêm wards
        "2013-12-31, 22, 29, 178",
        "2014-04-01, 22, 30, 187",
        // two levels: root + 15 departments, no district, 126 communes and wards
        "2025-07-01, 16, 0, 126",
        "2030-01-01, 16, 0, 126",
    })
    void countsPerLevelAndPeriod(LocalDate date, int city, int district, int commune) {
        assertEquals(city, DIR.activeOn(date, AgencyLevel.CITY).size(), "CITY on " + date);
        assertEquals(district, DIR.activeOn(date, AgencyLevel.DISTRICT).size(), "DISTRICT on " + date);
        assertEquals(commune, DIR.activeOn(date, AgencyLevel.COMMUNE).size(), "COMMUNE on " + date);
    }

    @Test
    void districtKindsBeforeTheReform() {
        List<Agency> districts = DIR.activeOn(LAST_PRE_REFORM, AgencyLevel.DISTRICT);
        assertEquals(12, districts.stream().filter(a -> a.code().startsWith("Q-")).count(), "urban districts");
        assertEquals(17, districts.stream().filter(a -> a.code().startsWith("H-")).count(), "rural districts");
        assertEquals(List.of("TX-ST"), districts.stream().map(Agency::code).filter(c -> c.startsWith("TX-")).toList());
    }

    @Test
    void wardsAndCommunesAfterTheReform() {
        List<Agency> communes = DIR.activeOn(REFORM, AgencyLevel.COMMUNE);
        assertEquals(51, communes.stream().filter(a -> a.name().startsWith("Phường ")).count(), "wards");
        assertEquals(75, communes.stream().filter(a -> a.name().startsWith("Xã ")).count(), "communes");
        for (Agency a : communes) {
            assertEquals("HN", a.parentCode(), a.code() + " reports straight to the city");
            assertEquals(List.of(DIR.root()), DIR.ancestors(a.code(), REFORM), a.code());
        }
    }

    @Test
    void everyPreReformCommuneReportsToADistrict() {
        for (Agency a : DIR.activeOn(LAST_PRE_REFORM, AgencyLevel.COMMUNE)) {
            Agency parent = DIR.parentOf(a.code(), LAST_PRE_REFORM);
            assertNotNull(parent, a.code());
            assertEquals(AgencyLevel.DISTRICT, parent.level(), a.code());
        }
    }

    @Test
    void departmentsAndDistrictsReportToTheRoot() {
        for (LocalDate d : List.of(LocalDate.of(2020, 1, 1), REFORM)) {
            for (AgencyLevel level : List.of(AgencyLevel.CITY, AgencyLevel.DISTRICT)) {
                for (Agency a : DIR.activeOn(d, level)) {
                    if (!a.isRoot()) {
                        assertSame(DIR.root(), DIR.parentOf(a.code(), d), a.code() + " on " + d);
                    }
                }
            }
        }
    }

    @Test
    void namedDepartmentsArePresent() {
        for (String name : List.of("Sở Tư pháp", "Sở Kế hoạch và Đầu tư", "Sở Xây dựng", "Sở Tài nguyên và Môi trường",
                "Sở Lao động - Thương binh và Xã hội", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Giao thông vận tải")) {
            assertTrue(DIR.activeOn(LAST_PRE_REFORM, AgencyLevel.CITY).stream().anyMatch(a -> a.name().equals(name)), name);
        }
        assertFalse(DIR.byCode("SO-KHDT").isActiveOn(REFORM));
        assertTrue(DIR.byCode("SO-TC").isActiveOn(REFORM));
    }

    @Test
    void everyParentExistsAndSpansTheChildsValidity() {
        int roots = 0;
        for (Agency a : DIR.all()) {
            if (a.isRoot()) {
                roots++;
                continue;
            }
            Agency p = DIR.byCode(a.parentCode());
            assertNotNull(p, a.code() + " parent " + a.parentCode());
            assertTrue(p.covers(a.validFrom(), a.validTo()), a.code() + " outlives parent " + p.code());
            assertTrue(p.level().ordinal() <= a.level().ordinal(), a.code() + " ranks above its parent");
            assertTrue(p.isActiveOn(a.validFrom()), a.code());
            assertTrue(p.isActiveOn(a.validTo() == null ? LocalDate.of(2100, 1, 1) : a.validTo()), a.code());
        }
        assertEquals(1, roots);
        assertEquals("HN", DIR.root().code());
    }

    @Test
    void ancestorChainsEndAtTheRootOnEveryBoundaryDay() {
        for (Agency a : DIR.all()) {
            for (LocalDate d : List.of(a.validFrom(), a.validTo() == null ? LocalDate.of(2040, 1, 1) : a.validTo())) {
                List<Agency> chain = DIR.ancestors(a.code(), d);
                if (a.isRoot()) {
                    assertTrue(chain.isEmpty());
                    continue;
                }
                assertFalse(chain.isEmpty(), a.code() + " on " + d);
                assertSame(DIR.root(), chain.get(chain.size() - 1), a.code() + " on " + d);
                assertTrue(chain.size() <= 2, a.code() + " chain too long: " + chain);
                for (Agency up : chain) {
                    assertTrue(up.isActiveOn(d), up.code() + " inactive in the chain of " + a.code() + " on " + d);
                }
            }
        }
    }

    @Test
    void randomAgencyDayPairsRollUpConsistently() {
        long seed = 20250701L;
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Agency> all = DIR.all();
        long firstDay = LocalDate.of(2007, 1, 1).toEpochDay();
        long lastDay = LocalDate.of(2030, 12, 31).toEpochDay();
        for (int i = 0; i < 2_000; i++) {
            Agency a = all.get(rnd.nextInt(all.size()));
            LocalDate d = LocalDate.ofEpochDay(rnd.nextLong(firstDay, lastDay + 1));
            String why = "seed " + seed + " case " + i + ": " + a.code() + " on " + d;
            List<Agency> chain = DIR.ancestors(a.code(), d);
            boolean expectChain = a.isActiveOn(d) && !a.isRoot();
            assertEquals(expectChain, !chain.isEmpty(), why);
            assertEquals(expectChain ? chain.get(0) : null, DIR.parentOf(a.code(), d), why);
            if (expectChain) {
                assertSame(DIR.root(), chain.get(chain.size() - 1), why);
                assertTrue(DIR.activeOn(d, a.level()).contains(a), why);
                assertTrue(DIR.childrenOf(chain.get(0).code(), d).contains(a), why);
            } else {
                assertFalse(DIR.activeOn(d, a.level()).contains(a) && !a.isRoot(), why);
            }
        }
    }

    @Test
    void unknownCodes() {
        for (String code : new String[] {"NOPE", "", "q-bd", null}) {
            assertNull(DIR.byCode(code), String.valueOf(code));
            assertNull(DIR.parentOf(code, REFORM));
            assertTrue(DIR.ancestors(code, REFORM).isEmpty());
            assertTrue(DIR.childrenOf(code, REFORM).isEmpty());
            assertEquals(0, DIR.weightOf(code));
            assertNull(DIR.successorOf(code));
            assertNull(DIR.holderOn(code, REFORM));
            assertTrue(DIR.fieldsOf(code).isEmpty());
        }
    }

    @Test
    void inactiveCodesHaveNoChainThatDay() {
        assertTrue(DIR.ancestors("Q-BD", REFORM).isEmpty());
        assertNull(DIR.parentOf("P-BD-PHUCXA", REFORM));
        assertTrue(DIR.ancestors("P-HONGHA", LAST_PRE_REFORM).isEmpty());
        assertTrue(DIR.activeOn(LocalDate.of(2000, 1, 1), AgencyLevel.CITY).isEmpty());
        assertEquals(List.of(DIR.byCode("Q-BD"), DIR.root()), DIR.ancestors("P-BD-PHUCXA", LAST_PRE_REFORM));
    }

    @ParameterizedTest(name = "{0} on {1} is held by {2}")
    @CsvSource({
        "P-BD-PHUCXA, 2025-06-30, P-BD-PHUCXA",
        "P-BD-PHUCXA, 2025-07-01, P-HONGHA",
        "SO-KHDT,     2025-07-01, SO-TC",
        "SO-TNMT,     2025-09-01, SO-NNMT",
        "H-TL,        2014-04-01, Q-NTL",
        "H-TL,        2025-07-01, P-TULIEM",
        "X-TL-MYDINH, 2025-07-01, P-TULIEM",
        "SO-TP,       2030-01-01, SO-TP",
    })
    void holderFollowsSuccessors(String code, LocalDate date, String holder) {
        assertEquals(holder, DIR.holderOn(code, date).code());
    }

    @Test
    void everyAgencyEndedByTheReformHasAnActiveHolderAfterIt() {
        for (Agency a : DIR.activeOn(LAST_PRE_REFORM, AgencyLevel.COMMUNE)) {
            Agency holder = DIR.holderOn(a.code(), REFORM);
            assertNotNull(holder, a.code());
            assertEquals(AgencyLevel.COMMUNE, holder.level(), a.code());
        }
        for (AgencyLevel level : AgencyLevel.values()) {
            for (Agency a : DIR.activeOn(LAST_PRE_REFORM, level)) {
                assertNotNull(DIR.holderOn(a.code(), REFORM), a.code());
            }
        }
        assertNull(DIR.holderOn("Q-NTL", LocalDate.of(2014, 3, 31)), "before it began");
    }

    @Test
    void codesAreShortAsciiAndUnique() {
        Set<String> seen = new HashSet<>();
        for (Agency a : DIR.all()) {
            assertTrue(a.code().matches("[A-Z0-9-]{1,32}"), a.code());
            assertTrue(seen.add(a.code()), "duplicate " + a.code());
            assertFalse(a.name().isBlank(), a.code());
            assertTrue(DIR.weightOf(a.code()) >= 0, a.code());
        }
        assertEquals(DIR.size(), seen.size());
    }

    @Test
    void cityBodiesListTheirFields() {
        assertEquals("Đăng ký kinh doanh", DIR.fieldsOf("SO-KHDT").get(0));
        assertTrue(DIR.fieldsOf("SO-TP").contains("Lý lịch tư pháp"));
        assertTrue(DIR.fieldsOf("P-BD-PHUCXA").isEmpty());
        for (Agency a : DIR.activeOn(REFORM, AgencyLevel.CITY)) {
            if (!a.isRoot()) {
                assertFalse(DIR.fieldsOf(a.code()).isEmpty(), a.code());
                assertTrue(DIR.weightOf(a.code()) > 0, a.code());
            }
        }
    }

    @Test
    void changeDatesBoundTheEras() {
        List<LocalDate> dates = DIR.changeDates();
        assertEquals(List.of(LocalDate.of(2008, 8, 1), LocalDate.of(2014, 4, 1), REFORM), dates);
    }
}
