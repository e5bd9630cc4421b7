package io.dossierpulse.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium driven by Debian's ChromeDriver: both paths given to Selenium, so nothing is
 * downloaded; headless, with the background services that would call out to the internet off.
 */
final class Chromium {

    static final Path BROWSER = Path.of(System.getProperty("pulse.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("pulse.chromedriver", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    static String missing() {
        return "no Chromium here (" + BROWSER + ", " + DRIVER + "): apt-get install chromium chromium-driver (.ci/run does)";
    }

    static ChromeDriver start(Path profile, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--disable-domain-reliability",
                "--metrics-recording-only", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--lang=vi");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(60)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** The console's errors since the last call. */
    static List<String> consoleErrors(ChromeDriver driver) {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    /** Every address the page asked for since the last call (from the DevTools network log). */
    static List<String> requestedUrls(ChromeDriver driver) {
        List<String> out = new ArrayList<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                var message = json.readTree(e.getMessage()).path("message");
                if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                    out.add(message.path("params").path("request").path("url").asText());
                }
            } catch (java.io.IOException ex) {
                throw new IllegalStateException("unreadable DevTools log entry", ex);
            }
        }
        return out;
    }

    /** Whether an address stays on this machine: network schemes to loopback only (chrome: pages are the browser's own). */
    static boolean local(String url) {
        java.net.URI uri = java.net.URI.create(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!List.of("http", "https", "ws", "wss", "ftp").contains(scheme)) {
            return true;
        }
        String host = uri.getHost();
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
    }
}
