package io.dossierpulse.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.dossierpulse.support.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Worked examples of the public calculator, calendar and catalog endpoints, computed by hand. */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(io.dossierpulse.support.AsAdmin.class)
@WithTestResource(KafkaBrokerResource.class)
class CalculatorApiTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Wednesday 10:00 + 3 days is Monday 10:00          | 2025-03-12T10:00:00+07:00 | 3 | WORKING_DAYS  | 2025-03-12T10:00:00+07:00 | 2025-03-17T10:00:00+07:00
            lunch-time acceptance starts at 13:00             | 2025-03-12T12:30:00+07:00 | 4 | WORKING_HOURS | 2025-03-12T13:00:00+07:00 | 2025-03-12T17:00:00+07:00
            after hours starts next morning                   | 2025-03-12T18:45:00+07:00 | 1 | WORKING_DAYS  | 2025-03-13T08:00:00+07:00 | 2025-03-13T17:00:00+07:00
            Friday evening starts Monday                      | 2025-03-14T17:30:00+07:00 | 2 | WORKING_HOURS | 2025-03-17T08:00:00+07:00 | 2025-03-17T10:00:00+07:00
            Tết 2024 (8-14 Feb) is skipped                    | 2024-02-07T10:00:00+07:00 | 2 | WORKING_DAYS  | 2024-02-07T10:00:00+07:00 | 2024-02-16T10:00:00+07:00
            Tết 2025 (25 Jan-2 Feb) is skipped                | 2025-01-24T15:00:00+07:00 | 1 | WORKING_DAYS  | 2025-01-24T15:00:00+07:00 | 2025-02-03T15:00:00+07:00
            Saturday 26 Apr 2025 is a make-up working day     | 2025-04-25T16:00:00+07:00 | 1 | WORKING_DAYS  | 2025-04-25T16:00:00+07:00 | 2025-04-26T16:00:00+07:00
            2023 compensatory days 2-3 May, due ends at 17:00 | 2023-04-28T17:00:00+07:00 | 1 | WORKING_DAYS  | 2023-05-04T08:00:00+07:00 | 2023-05-04T17:00:00+07:00
            an offset other than +07:00                       | 2025-03-12T03:00:00Z      | 3 | WORKING_DAYS  | 2025-03-12T10:00:00+07:00 | 2025-03-17T10:00:00+07:00
            """)
    void dueByLimit(String name, String acceptedAt, int limit, String unit, String clockStart, String dueAt) {
        given().queryParam("acceptedAt", acceptedAt).queryParam("limit", limit).queryParam("unit", unit)
                .get("/api/sla/due").then().statusCode(200)
                .body("clockStart", equalTo(clockStart))
                .body("dueAt", equalTo(dueAt));
    }

    @Test
    void sameDayWithCutoff() {
        given().queryParam("acceptedAt", "2025-03-12T14:59:00+07:00").queryParam("unit", "SAME_DAY")
                .queryParam("cutoff", "15:00").get("/api/sla/due").then().statusCode(200)
                .body("dueAt", equalTo("2025-03-12T17:00:00+07:00"));
        given().queryParam("acceptedAt", "2025-03-12T15:30:00+07:00").queryParam("unit", "SAME_DAY")
                .queryParam("cutoff", "15:00").get("/api/sla/due").then().statusCode(200)
                .body("dueAt", equalTo("2025-03-13T17:00:00+07:00"));
    }

    @Test
    void dueByProcedureCodeUsesTheCatalog() {
        // Birth registration: same day, next working day when received after 15:00 (Friday -> Monday).
        given().queryParam("acceptedAt", "2025-03-14T16:00:00+07:00").queryParam("procedureCode", "HT-301")
                .get("/api/sla/due").then().statusCode(200)
                .body("unit", equalTo("SAME_DAY"))
                .body("dueAt", equalTo("2025-03-17T17:00:00+07:00"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing acceptedAt     | limit=3&unit=WORKING_DAYS                                     | acceptedAt is required
            no offset              | acceptedAt=2025-03-12T10:00:00&limit=3&unit=WORKING_DAYS      | with an offset
            unknown unit           | acceptedAt=2025-03-12T10:00:00Z&limit=3&unit=DAYS             | unit must be
            zero limit             | acceptedAt=2025-03-12T10:00:00Z&limit=0&unit=WORKING_DAYS     | limit must be between
            text limit             | acceptedAt=2025-03-12T10:00:00Z&limit=three&unit=WORKING_DAYS | whole number
            cutoff on days         | acceptedAt=2025-03-12T10:00:00Z&limit=3&unit=WORKING_DAYS&cutoff=15:00 | SAME_DAY only
            bad cutoff             | acceptedAt=2025-03-12T10:00:00Z&unit=SAME_DAY&cutoff=3pm      | HH:mm
            unknown procedure      | acceptedAt=2025-03-12T10:00:00Z&procedureCode=NOPE            | unknown procedureCode
            both procedure and limit | acceptedAt=2025-03-12T10:00:00Z&procedureCode=HT-301&limit=3 | not both
            year 1800              | acceptedAt=1800-03-12T10:00:00Z&limit=3&unit=WORKING_DAYS     | between 1900 and 2199
            """)
    void badParametersSayWhatIsWrong(String name, String query, String message) {
        given().urlEncodingEnabled(false).get("/api/sla/due?" + query).then().statusCode(400)
                .body("error", containsString(message));
    }

    @Test
    void calendarYearListsHolidaysAndMakeUpDays() {
        given().get("/api/calendar/2025").then().statusCode(200)
                .body("year", equalTo(2025))
                .body("nonWorkingDays.date", hasItems("2025-01-01", "2025-01-25", "2025-02-02", "2025-04-07",
                        "2025-04-30", "2025-05-02", "2025-09-01", "2025-09-02"))
                .body("nonWorkingDays.date", not(hasItem("2025-01-04"))) // an ordinary Saturday
                .body("workingWeekendDays", equalTo(java.util.List.of("2025-04-26")));
        given().get("/api/calendar/2023").then().statusCode(200)
                .body("nonWorkingDays.date", hasItems("2023-05-02", "2023-05-03"));
        given().get("/api/calendar/2024").then().statusCode(200)
                .body("nonWorkingDays.date", hasItems("2024-02-08", "2024-02-14", "2024-04-29", "2024-09-03"))
                .body("workingWeekendDays", equalTo(java.util.List.of("2024-05-04")));
    }

    @Test
    void calendarFarAheadFollowsTheLunarRule() {
        // Tết 2150 has no official schedule: five days around the lunar new year, with reasons.
        given().get("/api/calendar/2150").then().statusCode(200)
                .body("nonWorkingDays.findAll { it.reason.contains('Tết') }.size()", greaterThanOrEqualTo(5))
                .body("nonWorkingDays.reason", everyItem(not(equalTo(""))));
        given().get("/api/calendar/1800").then().statusCode(400).body("error", containsString("between"));
        given().get("/api/calendar/abc").then().statusCode(400);
    }

    @Test
    void procedures() {
        given().get("/api/procedures").then().statusCode(200).body("size()", greaterThanOrEqualTo(60));
        given().get("/api/procedures?level=COMMUNE").then().statusCode(200).body("level", everyItem(equalTo("COMMUNE")));
        given().get("/api/procedures/HT-314").then().statusCode(200)
                .body("name", containsString("dưới 6 tuổi"))
                .body("limit.amount", equalTo(27))
                .body("steps.size()", equalTo(3));
        given().get("/api/procedures/NOPE").then().statusCode(404);
        given().get("/api/procedures?level=PROVINCE").then().statusCode(400);
    }
}
