package io.dossierpulse.browser;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dossierpulse.security.Roles;
import io.dossierpulse.support.KafkaBrokerResource;
import io.dossierpulse.support.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The operations center and the citizen lookup board in Debian's Chromium, against the service on
 * a real broker: dossiers posted over the API show up in the figures, charts, drill-down, live feed
 * and lookup page; nothing on the pages errs in the console or asks for anything off this machine.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsCenterBrowserTest {

    static final String AGENCY = "P-HOANKIEM";
    /** Not in the catalog: the source's own due is judged; counted in the UNREGISTERED bucket. */
    static final String PROCEDURE = "XX-BROWSER";
    static final Path SHOTS = Path.of("target", "screenshots");
    static ChromeDriver driver;
    static Path profile;

    @BeforeAll
    static void browser() throws Exception {
        Assumptions.assumeTrue(Chromium.installed(), Chromium.missing());
        profile = Files.createTempDirectory("pulse-chromium");
        Files.createDirectories(SHOTS);
        driver = Chromium.start(profile, 1400, 1000);
    }

    @org.junit.jupiter.api.BeforeEach
    void ready() {
        // A 503 while Kafka Streams starts would be a console error on the page.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + io.restassured.RestAssured.port;
    }

    /** Events of one dossier, accepted now at the test agency, due {@code dueIn} from now. */
    private static String accepted(String dossier, Duration dueIn) {
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
        String now = f.format(OffsetDateTime.now(ZoneOffset.ofHours(7)));
        String due = f.format(OffsetDateTime.now(ZoneOffset.ofHours(7)).plus(dueIn));
        String common = ",\"agencyCode\":\"" + AGENCY + "\",\"procedureCode\":\"" + PROCEDURE + "\",\"channel\":\"ONLINE\"";
        return "{\"eventId\":\"" + dossier + "-1\",\"dossierId\":\"" + dossier + "\",\"seq\":1,\"type\":\"SUBMITTED\","
                + "\"occurredAt\":\"" + now + "\"" + common + "}\n"
                + "{\"eventId\":\"" + dossier + "-2\",\"dossierId\":\"" + dossier + "\",\"seq\":2,\"type\":\"ACCEPTED\","
                + "\"occurredAt\":\"" + now + "\",\"dueAt\":\"" + due + "\"" + common + "}\n";
    }

    private static void post(String ndjson) {
        given().header("Authorization", TestTokens.bearer(Roles.INGEST)).contentType("application/x-ndjson")
                .body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/events").then().statusCode(200);
    }

    private static void open(String path) {
        driver.get(base() + path);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static WebElement waitFor(String css, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> !driver.findElements(By.cssSelector(css)).isEmpty());
        return driver.findElement(By.cssSelector(css));
    }

    private static void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** What every page must hold to: no console error, no request off this machine. */
    private static void cleanPage(String page) {
        List<String> errors = Chromium.consoleErrors(driver);
        assertTrue(errors.isEmpty(), page + ": console errors " + errors);
        List<String> offMachine = new ArrayList<>();
        for (String url : Chromium.requestedUrls(driver)) {
            if (!Chromium.local(url)) {
                offMachine.add(url);
            }
        }
        assertTrue(offMachine.isEmpty(), page + ": requests off the machine " + offMachine);
    }

    @Test
    @Order(1)
    void operationsCenterShowsFiguresChartsAndTheLiveBreach() throws Exception {
        post(accepted("BR-OPEN-1", Duration.ofDays(3)) + accepted("BR-OPEN-2", Duration.ofDays(3)));
        open("/");
        // The figures arrive over the live stream: received today counts at least the two just posted.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String v = String.valueOf(js("return document.querySelector('[data-kpi=received] .v').textContent"))
                    .replaceAll("[^0-9]", "");
            return !v.isEmpty() && Long.parseLong(v) >= 2;
        });
        // Both trend charts drawn by ECharts, with their points.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !driver.findElements(By.cssSelector("#chart-hourly canvas")).isEmpty()
                        && "24".equals(driver.findElement(By.id("chart-hourly")).getAttribute("data-points"))
                        && "14".equals(driver.findElement(By.id("chart-daily")).getAttribute("data-points")));
        waitFor("#events thead", Duration.ofSeconds(10));

        // A breach: due two seconds after acceptance, announced when the due passes, with no event.
        Instant due = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        post(accepted("BR-LIVE-1", Duration.between(Instant.now(), due).plusSeconds(1)));
        waitFor("#events tr[data-dossier='BR-LIVE-1'][data-kind='BREACHED']", Duration.ofSeconds(60));
        long seenMs = Duration.between(due.plusSeconds(1), Instant.now()).toMillis();
        System.out.println("[browser] breach shown in the live feed " + seenMs + " ms after its due (poll 100 ms)");
        shot("operations-center");
        cleanPage("/");
    }

    @Test
    @Order(2)
    void scoreboardSortsByKeyboardAndDrillsDownToTheOverdueDossier() throws Exception {
        open("/");
        WebElement row = waitFor("#board tr[data-agency='" + AGENCY + "'] [data-drill]", Duration.ofSeconds(30));
        assertEquals("Phường Hoàn Kiếm", row.getText(), "the scoreboard names agencies");
        // Sorting by keyboard: Enter on the agency column's header button.
        WebElement sort = driver.findElement(By.cssSelector("#board [data-sort=agency]"));
        sort.sendKeys(Keys.ENTER);
        await().atMost(Duration.ofSeconds(5)).until(() -> "ascending".equals(driver.findElement(
                By.cssSelector("#board th[aria-sort]:first-child")).getAttribute("aria-sort")));
        // In the order of the page's own comparison (Vietnamese, as the browser collates it).
        assertEquals(Boolean.TRUE, js("const n = [...document.querySelectorAll('#board tbody [data-drill]')].map(e => e.textContent);"
                + "return n.length > 0 && n.every((x, i) => i === 0 || n[i - 1].localeCompare(x, 'vi') <= 0)"), "sorted by name");

        driver.findElement(By.cssSelector("#board tr[data-agency='" + AGENCY + "'] [data-drill]")).click();
        waitFor("#drill [data-scope='" + AGENCY + "']", Duration.ofSeconds(30));
        driver.findElement(By.cssSelector("#drill-procedures [data-proc='" + io.dossierpulse.domain.dossier.DossierLedger.UNREGISTERED + "']")).click();
        waitFor("#drill-overdue tr[data-dossier='BR-LIVE-1']", Duration.ofSeconds(30));
        assertTrue(driver.findElement(By.id("crumbs")).getText().contains("Phường Hoàn Kiếm"));
        // The apology duty: overdue dossiers, BR-LIVE-1 among them, none apologized for yet.
        waitFor("#apology tr[data-dossier='BR-LIVE-1'] td.warn", Duration.ofSeconds(30));
        // Every form field is labelled.
        assertEquals(0L, js("return [...document.querySelectorAll('input')].filter(i => !i.labels || !i.labels.length).length"));
        // English on request.
        driver.findElement(By.id("lang")).click();
        assertEquals("Operations center — Hanoi administrative dossiers", driver.findElement(By.tagName("h1")).getText());
        driver.findElement(By.id("lang")).click();
        cleanPage("/ drill-down");
    }

    @Test
    @Order(3)
    void aDroppedConnectionResumesWithoutLosingEvents() throws Exception {
        open("/");
        await().atMost(Duration.ofSeconds(30)).until(() -> "live".equals(js("return window.pulseFeed && "
                + "document.getElementById('feed-state').dataset.state")));
        long connections = (Long) js("return window.pulseFeed.connections");
        js("window.pulseFeed.pause()");
        Instant due = Instant.now().plusSeconds(2);
        List<String> ids = List.of("BR-GAP-1", "BR-GAP-2", "BR-GAP-3");
        StringBuilder body = new StringBuilder();
        ids.forEach(id -> body.append(accepted(id, Duration.between(Instant.now(), due).plusSeconds(1))));
        post(body.toString());
        // Announced and committed while the page is disconnected.
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String recent = given().header("Authorization", TestTokens.bearer(Roles.OPERATOR)).get("/api/sla-events/recent")
                    .then().statusCode(200).extract().asString();
            return ids.stream().allMatch(id -> recent.contains("\"dossierId\":\"" + id + "\""));
        });
        for (String id : ids) {
            assertTrue(driver.findElements(By.cssSelector("#events tr[data-dossier='" + id + "']")).isEmpty(), "not seen while down");
        }
        js("window.pulseFeed.resume()");
        for (String id : ids) {
            waitFor("#events tr[data-dossier='" + id + "'][data-kind='BREACHED']", Duration.ofSeconds(30));
        }
        assertTrue((Long) js("return window.pulseFeed.connections") > connections, "a new connection resumed");
        assertEquals(1L, js("return document.querySelectorAll(\"#events tr[data-dossier='BR-GAP-1'][data-kind='BREACHED']\").length"),
                "resumed without repeating");
        cleanPage("/ resumed");
    }

    @Test
    @Order(4)
    void wallDisplayRotatesPanelsInLargeType() throws Exception {
        open("/?wall");
        waitFor("body.wall", Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(30)).until(() -> !driver.findElements(By.cssSelector("#chart-hourly canvas")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector(".panel.hidden")).size() > 0, "one group of panels at a time");
        assertEquals("true", driver.findElement(By.id("wall")).getAttribute("aria-pressed"));
        Thread.sleep(500); // the charts resize to the wall layout
        shot("operations-center-wall");
        cleanPage("/?wall");
    }

    @Test
    @Order(5)
    void citizenBoardShowsTheDossierAndItsQrCode() throws Exception {
        open("/tra-cuu/BR-OPEN-1");
        WebElement status = waitFor("#status", Duration.ofSeconds(30));
        assertEquals("Được tiếp nhận", status.getText());
        assertEquals("Phường Hoàn Kiếm", driver.findElement(By.id("receiving")).getText());
        assertEquals("Trong hạn", driver.findElement(By.id("timing")).getText());
        assertEquals("Không", driver.findElement(By.id("reappointed")).getText());
        await().atMost(Duration.ofSeconds(10)).until(() -> ((Long) js("return document.getElementById('qr').naturalWidth")) > 0);
        String svg = given().get("/api/lookup/BR-OPEN-1/qr.svg").then().statusCode(200).extract().asString();
        assertTrue(svg.startsWith("<svg"), svg);
        shot("citizen-board");
        cleanPage("/tra-cuu/BR-OPEN-1");

        // The late dossier, on a phone-sized window, reached through the form.
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        open("/tra-cuu");
        driver.findElement(By.id("id")).sendKeys("BR-LIVE-1", Keys.ENTER);
        await().atMost(Duration.ofSeconds(30)).until(() -> !driver.findElements(By.id("timing")).isEmpty()
                && "Đã quá hạn".equals(driver.findElement(By.id("timing")).getText()));
        shot("citizen-board-phone");
        open("/tra-cuu/NO-SUCH-DOSSIER");
        assertTrue(waitFor("#error", Duration.ofSeconds(30)).getText().startsWith("Không tìm thấy"));
        // A 404 answer shows in the console as a failed resource; that is the board's expected answer here.
        Chromium.consoleErrors(driver);
        assertTrue(Chromium.requestedUrls(driver).stream().allMatch(Chromium::local));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
    }
}
