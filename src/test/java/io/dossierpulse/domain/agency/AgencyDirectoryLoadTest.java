package io.dossierpulse.domain.agency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The file format: optional columns, comments, and the problems reported with their line numbers. */
class AgencyDirectoryLoadTest {

    private static final String ROOT = "R|Root|CITY||2020-01-01\n";

    private static AgencyDirectory load(String text) {
        return AgencyDirectory.load(new StringReader(text));
    }

    @Test
    void minimalFileWithCommentsAndOptionalColumns() {
        AgencyDirectory dir = load("""
                \uFEFF# a comment
                R|Root|CITY||2020-01-01

                D-1 | District one | DISTRICT | R | 2020-01-01 | 2022-12-31 | 5 | C-NEW |
                C-1|Commune one|COMMUNE|D-1|2020-01-01|2022-12-31
                C-NEW|New commune|COMMUNE|R|2023-01-01||2
                S-1|Department|CITY|R|2020-01-01||3||Hộ tịch; Chứng thực ;
                """);
        assertEquals(5, dir.size());
        assertEquals(5, dir.weightOf("D-1"));
        assertEquals(1, dir.weightOf("C-1"), "weight defaults to 1");
        assertEquals(List.of("Hộ tịch", "Chứng thực"), dir.fieldsOf("S-1"));
        assertEquals("C-NEW", dir.successorOf("D-1").code());
        assertNull(dir.successorOf("C-1"));
        assertEquals("D-1", dir.parentOf("C-1", LocalDate.of(2021, 5, 5)).code());
        assertEquals(List.of(LocalDate.of(2020, 1, 1), LocalDate.of(2023, 1, 1)), dir.changeDates());
        assertEquals(1, dir.activeOn(LocalDate.of(2023, 1, 1), AgencyLevel.COMMUNE).size());
        assertEquals(0, dir.activeOn(LocalDate.of(2023, 1, 1), AgencyLevel.DISTRICT).size());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', value = {
        "X|Root two|CITY||2020-01-01;                    a second root",
        "C|C|COMMUNE|NOPE|2020-01-01;                     unknown parent NOPE",
        "C|C|COMMUNE|R|2019-12-31;                        does not span",
        "C|C|TOWN|R|2020-01-01;                           unknown level 'TOWN'",
        "C|C|COMMUNE|R|2020-02-30;                        not a yyyy-MM-dd date",
        "C|C|COMMUNE|R|2021-01-01|2020-01-01;             before validFrom",
        "c-lower|C|COMMUNE|R|2020-01-01;                  bad code",
        "C|C|COMMUNE|R|2020-01-01||-2;                    non-negative integer",
        "C|C|COMMUNE|R|2020-01-01|2020-12-31|1|NOPE;      unknown successor NOPE",
        "C|C|COMMUNE|R|2020-01-01||1|R;                   has no validTo",
        "C|C|COMMUNE|R;                                   expected 5 to 9",
        "C||COMMUNE|R|2020-01-01;                         empty name",
        "R|Again|CITY||2020-01-01;                        duplicate code R, first declared on line 1",
    })
    void problemsAreReportedWithTheirLine(String line, String expected) {
        AgencyFormatException e = assertThrows(AgencyFormatException.class, () -> load(ROOT + line + "\n"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.problems().size(), e.getMessage());
        int where = e.problems().get(0).line();
        assertTrue(where == 2 || where == 0, e.getMessage());
    }

    @Test
    void parentMustRankAtOrAbove() {
        AgencyFormatException e = assertThrows(AgencyFormatException.class, () -> load(ROOT
                + "C|Commune|COMMUNE|R|2020-01-01\n"
                + "D|District|DISTRICT|C|2020-01-01\n"));
        assertTrue(e.getMessage().contains("line 3: D: parent C is COMMUNE, below DISTRICT"), e.getMessage());
    }

    @Test
    void successorMustBeActiveTheDayAfter() {
        AgencyFormatException e = assertThrows(AgencyFormatException.class, () -> load(ROOT
                + "A|A|COMMUNE|R|2020-01-01|2020-12-31|1|B\n"
                + "B|B|COMMUNE|R|2021-06-01\n"));
        assertTrue(e.getMessage().contains("successor B is not active on 2021-01-01"), e.getMessage());
    }

    @Test
    void parentLoopsAreCaught() {
        AgencyFormatException e = assertThrows(AgencyFormatException.class, () -> load(ROOT
                + "A|A|CITY|B|2020-01-01\n"
                + "B|B|CITY|A|2020-01-01\n"));
        assertTrue(e.getMessage().contains("loops"), e.getMessage());
    }

    @Test
    void everyProblemIsListed() {
        AgencyFormatException e = assertThrows(AgencyFormatException.class, () -> load(ROOT
                + "A|A|NOPE|R|2020-01-01\n"
                + "B|B|COMMUNE|R|yesterday\n"));
        assertEquals(List.of(2, 3), e.problems().stream().map(AgencyFormatException.Problem::line).toList());
    }

    @Test
    void emptyFileHasNoRoot() {
        AgencyFormatException e = assertThrows(AgencyFormatException.class, () -> load("# nothing\n"));
        assertTrue(e.getMessage().contains("no root"), e.getMessage());
    }
}
