package io.dossierpulse.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.DossierEvent;
import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.agency.Agency;
import io.dossierpulse.domain.agency.AgencyDirectory;
import io.dossierpulse.domain.agency.AgencyLevel;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Traffic across 1 July 2025: agencies of the day, district procedures at communes, open dossiers handed over. */
class TrafficGeneratorReformTest {

    @Test
    void dossiersCrossTheReformOnTheAgenciesOfEachDay() {
        AgencyDirectory directory = AgencyDirectory.loadDefault();
        ProcedureCatalog catalog = ProcedureCatalog.loadDefault();
        GeneratorConfig config = GeneratorConfig.defaults().withSeed(11)
                .withStart(Instant.parse("2025-06-22T17:00:00Z"))      // Monday 23 June, Hanoi
                .withSubmitUntil(Instant.parse("2025-07-06T17:00:00Z"))
                .withDossiersPerDay(3_000);
        TrafficGenerator generator = new TrafficGenerator(config, catalog.all(), directory);
        TrafficAudit audit = new TrafficAudit(directory, catalog::byCode);
        Set<String> after = new HashSet<>();
        Set<String> before = new HashSet<>();
        long districtProceduresAfter = 0;
        while (generator.hasNext()) {
            DossierEvent e = generator.next();
            audit.accept(e);
            LocalDate day = LocalDate.ofInstant(e.occurredAt(), TrafficAudit.HANOI);
            Agency agency = directory.byCode(e.agencyCode());
            if (day.isBefore(TrafficAudit.REFORM)) {
                before.add(e.agencyCode());
            } else {
                after.add(e.agencyCode());
                assertTrue(agency.level() != AgencyLevel.DISTRICT, e + " at a district after the reform");
                if (e.type() == EventType.SUBMITTED
                        && catalog.byCode(e.procedureCode()).level() == AgencyLevel.DISTRICT) {
                    districtProceduresAfter++;
                    assertEquals(AgencyLevel.COMMUNE, agency.level(), e.toString());
                }
            }
        }
        assertEquals(0, audit.openDossiers());
        assertTrue(audit.reformHandovers > 100, "open dossiers continue at successors: " + audit.reformHandovers);
        assertTrue(districtProceduresAfter > 1_000, "district procedures now go to communes: " + districtProceduresAfter);
        assertTrue(before.contains("SO-KHDT") && after.contains("SO-TC") && !after.contains("SO-KHDT"),
                "business registration moves to the merged finance department");
        assertTrue(after.stream().anyMatch(c -> c.startsWith("P-") && c.indexOf('-', 2) < 0), "new wards in use");
        assertTrue(before.stream().anyMatch(c -> c.startsWith("Q-")), "districts in use before");
    }
}
