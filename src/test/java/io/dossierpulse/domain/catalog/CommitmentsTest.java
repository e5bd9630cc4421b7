package io.dossierpulse.domain.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.agency.AgencyDirectory;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CommitmentsTest {

    private final AgencyDirectory agencies = AgencyDirectory.loadDefault();

    @Test
    void everyShippedCommitmentIsShorterThanTheLawForACataloguedProcedureAndAKnownScope() {
        Commitments shipped = Commitments.loadDefault();
        ProcedureCatalog catalog = ProcedureCatalog.loadDefault();
        assertFalse(shipped.all().isEmpty());
        for (Commitment c : shipped.all()) {
            Procedure p = catalog.byCode(c.procedureCode());
            assertNotNull(p, c + ": not in the catalog");
            assertTrue(Commitments.shorter(c, p), c + " is not shorter than " + p.limit());
            assertTrue(Commitment.EVERY_AGENCY.equals(c.scope()) || agencies.byCode(c.scope()) != null,
                    c + ": scope not in the directory");
            assertFalse(c.source().isBlank());
        }
    }

    @Test
    void theFirstLineInForceWhoseScopeHoldsTheAgencyApplies() {
        Commitments shipped = Commitments.loadDefault();
        LocalDate day = LocalDate.of(2025, 3, 12);
        assertEquals("Q-NTL", shipped.find("HT-314", "P-NTL-CAUDIEN", day, agencies).scope());
        assertEquals("Q-LB", shipped.find("HT-314", "Q-LB", day, agencies).scope());
        assertNull(shipped.find("HT-314", "P-BD-PHUCXA", day, agencies));
        assertNull(shipped.find("HT-314", "P-NTL-CAUDIEN", LocalDate.of(2016, 2, 29), agencies), "before the pilot");
        assertNull(shipped.find("HT-314", "P-NTL-CAUDIEN", LocalDate.of(2025, 7, 1), agencies), "after the reform");
        assertEquals("*", shipped.find("DT-104", "SO-KHDT", day, agencies).scope());
        assertNull(shipped.find("HT-304", "P-NTL-CAUDIEN", day, agencies));
    }

    @Test
    void aMalformedFileNamesEveryBadLine() {
        String file = """
                # comment
                HT-314 | * | 3d | 2016-03-01 | | ok
                HT-314 | * | 3x | 2016-03-01 | | bad limit
                HT-314 | * | 3d | 2016-03-01 | 2015-01-01 | ends before it starts
                HT-314 | * | 3d
                """;
        CatalogFormatException e = assertThrows(CatalogFormatException.class,
                () -> Commitments.load(new StringReader(file), "test.psv"));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertEquals(3, e.problems().get(0).line());
        assertEquals(5, e.problems().get(2).line());
    }
}
