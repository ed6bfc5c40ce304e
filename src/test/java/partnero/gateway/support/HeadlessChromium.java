package partnero.gateway.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Debian's Chromium, headless, driven by Debian's ChromeDriver: the browser a person would open
 * GraphiQL in, with nothing downloaded at run time. It records the page's console and network, so a
 * test can assert that nothing failed.
 * <p>
 * Without the two programs the test cannot say anything: under CI ({@code CI} set, as {@code .ci/run}
 * does) it fails and says what to install; elsewhere it is skipped with the same message.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final Path profile;
    private final List<String> failedRequests = new ArrayList<>();
    private final java.util.Map<String, String> requestUrls = new java.util.HashMap<>();
    private final List<String> consoleErrors = new ArrayList<>();

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static HeadlessChromium start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "The browser test needs Chromium at " + CHROMIUM + " and ChromeDriver at " + CHROMEDRIVER
                    + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        Path profile = Files.createTempDirectory("graphiql-browser");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                        "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /** Requests the page made that failed or were answered 4xx/5xx, since the last call. */
    public List<String> failedRequests() {
        readLogs();
        return List.copyOf(failedRequests);
    }

    /** Console messages at error level, since the last call. */
    public List<String> consoleErrors() {
        readLogs();
        return List.copyOf(consoleErrors);
    }

    /** Saves what the browser shows to {@code target/browser/<name>.png}, for a person to look at. */
    public Path screenshot(String name) {
        try {
            Path target = Path.of("target", "browser", name + ".png");
            Files.createDirectories(target.getParent());
            File shot = driver.getScreenshotAs(OutputType.FILE);
            return Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readLogs() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                String method = message.path("method").asText();
                JsonNode params = message.path("params");
                if (method.equals("Network.requestWillBeSent")) {
                    requestUrls.put(params.path("requestId").asText(), params.path("request").path("url").asText());
                } else if (method.equals("Network.responseReceived") && params.path("response").path("status").asInt() >= 400) {
                    failedRequests.add(params.path("response").path("status").asInt() + " "
                            + params.path("response").path("url").asText());
                } else if (method.equals("Network.loadingFailed")) {
                    // only the page's own requests: Chromium (156) also reports failed lookups of its own
                    // background traffic here, requests the page never sent (no requestWillBeSent)
                    String url = requestUrls.get(params.path("requestId").asText());
                    if (url != null) {
                        failedRequests.add(params.path("errorText").asText() + " " + url);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
