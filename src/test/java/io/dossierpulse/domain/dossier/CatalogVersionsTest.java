package io.dossierpulse.domain.dossier;

import static io.dossierpulse.domain.dossier.LedgerProbe.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.domain.EventType;
import io.dossierpulse.domain.catalog.CatalogFormatException;
import io.dossierpulse.domain.catalog.ProcedureCatalog;
import io.dossierpulse.domain.sla.SlaEngine;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 6, effective-dated catalog entries (docs/domain.md, "Procedure catalog"): a dossier is
 * judged by the version in force on its acceptance date. A made-up DD-999 had 30 working days until
 * 31 July 2024 and 20 from 1 August 2024 (the Land Law 2024's date).
 */
class CatalogVersionsTest {

    private static final String FILE = """
            DD-999 | Thủ tục đất đai thử | Đất đai | DISTRICT | 30d | yes | yes | | | 2024-07-31
            DD-999 | Thủ tục đất đai thử (Luật Đất đai 2024) | Đất đai | DISTRICT | 20d | yes | yes | | 2024-08-01 |
            """;

    private final ProcedureCatalog catalog = ProcedureCatalog.load(new StringReader(FILE), "versions.psv");

    @Test
    void theVersionInForceOnTheAcceptanceDateJudgesTheDossier() {
        // Accepted Wednesday 31 July 2024 10:00: 30 working days (2 September and 3 September off).
        LedgerProbe before = new LedgerProbe(catalog, SlaEngine.standard())
                .then("V1", "DD-999", EventType.ACCEPTED, "2024-07-31T10:00:00+07:00");
        // Accepted Thursday 1 August 2024 10:00: 20 working days.
        LedgerProbe after = new LedgerProbe(catalog, SlaEngine.standard())
                .then("V2", "DD-999", EventType.ACCEPTED, "2024-08-01T10:00:00+07:00");
        assertEquals(at("2024-09-13T10:00:00+07:00"), before.state().clock().dueAt());
        assertEquals(at("2024-08-29T10:00:00+07:00"), after.state().clock().dueAt());
    }

    @Test
    void lookupsByDateAndTheLatestVersion() {
        assertEquals(30, catalog.byCode("DD-999", LocalDate.of(2024, 7, 31)).limit().amount());
        assertEquals(20, catalog.byCode("DD-999", LocalDate.of(2024, 8, 1)).limit().amount());
        assertEquals(20, catalog.byCode("DD-999").limit().amount(), "the latest version");
        assertEquals(1, catalog.all().size(), "one procedure, two versions");
        assertEquals(2, catalog.versions("DD-999").size());
        ProcedureCatalog shipped = ProcedureCatalog.loadDefault();
        assertTrue(shipped.byCode("GT-101", LocalDate.of(2025, 2, 28)).name().contains("ngành giao thông"));
        assertTrue(shipped.byCode("GT-101", LocalDate.of(2025, 3, 1)).name().contains("Công an"));
        ProcedureCatalog ending = ProcedureCatalog.load(new StringReader(
                "XX-1 | Thủ tục đã bãi bỏ | Thử | CITY | 5d | no | no | | | 2020-12-31\n"), "ending.psv");
        assertNull(ending.byCode("XX-1", LocalDate.of(2021, 1, 1)), "no version in force: unregistered");
    }

    @Test
    void overlappingVersionsAreRefusedWithTheirLine() {
        CatalogFormatException e = assertThrows(CatalogFormatException.class, () -> ProcedureCatalog.load(
                new StringReader(FILE + "DD-999 | Lại | Đất đai | DISTRICT | 10d | yes | yes | | 2025-01-01 |\n"), "bad.psv"));
        assertEquals(3, e.problems().get(0).line(), e.getMessage());
    }
}
