package io.dossierpulse.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.agency.Agency;
import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.agency.AgencyLevel;
import io.dossierpulse.domain.catalog.Procedure;
import io.dossierpulse.domain.catalog.ProcedureStep;
import io.dossierpulse.domain.sla.SlaLimit;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The generator on a small procedure list of its own: levels, steps and fees are honoured. */
class TrafficGeneratorProceduresTest {

    private static final Procedure BIRTH = new Procedure("T-BIRTH", "Đăng ký khai sinh", "Hộ tịch",
            AgencyLevel.COMMUNE, SlaLimit.sameDay(LocalTime.of(15, 0)), false, false, List.of());
    private static final Procedure LAND = new Procedure("T-LAND", "Cấp Giấy chứng nhận lần đầu", "Đất đai",
            AgencyLevel.DISTRICT, SlaLimit.workingDays(30), true, true, List.of(
                    new ProcedureStep("Xác nhận hiện trạng", AgencyLevel.COMMUNE, SlaLimit.workingDays(10)),
                    new ProcedureStep("Trích đo địa chính", AgencyLevel.CITY, SlaLimit.workingDays(12)),
                    new ProcedureStep("Ký cấp Giấy chứng nhận", AgencyLevel.DISTRICT, SlaLimit.workingDays(5))));
    private static final Procedure COMPANY = new Procedure("T-CO", "Đăng ký thành lập doanh nghiệp",
            "Đăng ký kinh doanh", AgencyLevel.CITY, SlaLimit.workingHours(24), true, false, List.of());

    private static final List<Procedure> PROCEDURES = List.of(BIRTH, LAND, COMPANY);

    @Test
    void levelsStepsAndFields() {
        AgencyDirectory directory = AgencyDirectory.loadDefault();
        Map<String, Procedure> byCode = new HashMap<>();
        PROCEDURES.forEach(p -> byCode.put(p.code(), p));
        Function<String, Procedure> lookup = byCode::get;
        GeneratorConfig config = GeneratorConfig.defaults().withSeed(8).withMaxDossiers(5_000)
                .withStart(Instant.parse("2024-03-03T17:00:00Z"));
        TrafficGenerator g = new TrafficGenerator(config, PROCEDURES, directory);
        TrafficAudit audit = new TrafficAudit(directory, lookup);
        Map<String, Integer> landTransfers = new HashMap<>();
        long companyAtKhdt = 0;
        long companies = 0;
        long landFees = 0;
        while (g.hasNext()) {
            DossierEvent e = g.next();
            audit.accept(e);
            Agency agency = directory.byCode(e.agencyCode());
            if (e.type() == EventType.SUBMITTED) {
                assertEquals(byCode.get(e.procedureCode()).level(), agency.level(), e.toString());
                if (e.procedureCode().equals("T-CO")) {
                    companies++;
                    if (e.agencyCode().equals("SO-KHDT")) {
                        companyAtKhdt++;
                    }
                }
            }
            if (e.procedureCode().equals("T-LAND")) {
                if (e.type() == EventType.TRANSFERRED) {
                    landTransfers.merge(e.dossierId(), 1, Integer::sum);
                }
                if (e.type() == EventType.FEE_REQUESTED) {
                    landFees++;
                }
            }
            if (e.procedureCode().equals("T-BIRTH")) {
                assertTrue(e.type() != EventType.TRANSFERRED && e.type() != EventType.FEE_REQUESTED, e.toString());
            }
        }
        assertEquals(0, audit.openDossiers());
        assertEquals(companies, companyAtKhdt, "business registration goes to the planning and investment department");
        assertTrue(landTransfers.values().stream().anyMatch(n -> n == 3),
                "district -> commune -> city -> back to the district");
        assertTrue(landFees > 100, "land procedures always ask for the financial obligation: " + landFees);
    }

    @Test
    void noProceduresNoGenerator() {
        AgencyDirectory directory = AgencyDirectory.loadDefault();
        assertThrows(IllegalArgumentException.class,
                () -> new TrafficGenerator(GeneratorConfig.defaults(), List.of(), directory));
    }
}
