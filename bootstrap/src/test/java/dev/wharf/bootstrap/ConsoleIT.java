package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in a real browser (Debian's Chromium, headless) against a real {@code java -jar wharf.jar dev}: what
 * a person does, in order, on project 1: sign in, provision and watch the state reach ready, reset and read the
 * password once (and connect with it), see usage drawn, page through activity, survive hostile names and a restart,
 * deprovision. Each test leaves a screenshot in {@code target/console-screenshots/}.
 */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path workDir;
    private static Path dataDir;
    private static int port;
    private static int warehousePort;
    private static WharfProcess wharf;
    private static String key;
    private static ConsoleBrowser browser;

    private String testName;

    @BeforeAll
    static void startWharfAndBrowser() throws IOException {
        browser = ConsoleBrowser.start(1280, 900);
        workDir = Files.createTempDirectory("wharf-console");
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwx--x--x"));
        dataDir = workDir.resolve("data");
        port = WharfProcess.freePortPair();
        warehousePort = WharfProcess.freePortPair();
        startWharf();
        key = wharf.awaitLine("API key: (phx_[A-Za-z0-9_-]{43,})", Duration.ofSeconds(90))
                .group(1);
    }

    private static void startWharf() {
        wharf = WharfProcess.dev(
                workDir,
                dataDir,
                port,
                warehousePort,
                Map.of("WHARF_RATE_LIMIT_PER_MINUTE", "5", "WHARF_BILLING_ROW_LIMIT", "100000"));
        wharf.awaitHealthy(port + 1, Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (browser != null) browser.close();
        if (wharf != null) wharf.close();
        if (workDir != null) {
            try (var paths = Files.walk(workDir)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void name(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void screenshotAndConsole() {
        browser.screenshot(testName);
        assertThat(requestsSooner(Duration.ofMillis(990)))
                .as("the same request repeated within a second (not a user's click)")
                .isEmpty();
        List<LogEntry> problems = browser.console().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(entry -> !expectedFailure(entry.getMessage()))
                .toList();
        assertThat(problems)
                .as("the browser's console: no CSP violation, no uncaught error")
                .isEmpty();
    }

    /** Chromium logs every answer of 4xx or 5xx and every refused connection; those tests ask for on purpose. */
    private static boolean expectedFailure(String message) {
        return message.contains("Failed to load resource") || message.contains("net::ERR_CONNECTION_REFUSED");
    }

    @Test
    @Order(1)
    void aWrongKeyIsRefusedInWordsAndTheRightOneSignsIn() {
        browser.open(base() + "/");
        WebElement input = browser.await("#key", WAIT);
        assertThat(input.getAttribute("type")).isEqualTo("password");

        input.sendKeys("phx_" + "x".repeat(43), Keys.ENTER);
        browser.awaitText("form.signin .error", "The API key was refused", WAIT);

        signIn();
        browser.awaitText("main table", "Default project", WAIT);
        assertThat(browser.find("#who").getText()).contains("@");
        assertThat(browser.script("return document.cookie")).isEqualTo("");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain(key);
        assertThat(browser.script("return sessionStorage.getItem('wharf.key')")).isEqualTo(key);
    }

    @Test
    @Order(2)
    void provisioningShowsProgressUntilTheWarehouseIsReady() {
        signIn();
        browser.open(base() + "/#/projects/1/warehouse");
        WebElement name = browser.await("#database-name", WAIT);
        name.sendKeys("Not A Name");
        browser.until(
                WAIT,
                "the name refused",
                d -> browser.find("#database-name-hint").getAttribute("class").contains("error"));
        assertThat(browser.find(".actions button[type=submit]").isEnabled()).isFalse();

        name.clear();
        name.sendKeys("consolewh");
        browser.awaitText("#database-name-hint", "consolewh is available", WAIT);
        browser.find(".actions button[type=submit]").click();

        browser.awaitText("#warehouse-state", "ready", Duration.ofSeconds(90));
        browser.awaitText("#connect-title", "Connect", WAIT);
        assertThat(browser.text()).contains("wh_consolewh").contains("jdbc:postgresql://");
    }

    @Test
    @Order(3)
    void theNewPasswordIsShownOnceAndOpensTheWarehouse() throws Exception {
        signIn();
        browser.open(base() + "/#/projects/1/warehouse");
        browser.awaitText("#reset-title", "Root password", WAIT).isDisplayed();
        browser.awaitText("button", "Reset password", WAIT).click();

        String password = browser.await("#new-password", WAIT).getText();
        assertThat(browser.text()).contains("will not be shown again");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        try (Connection c = connect(password);
                ResultSet rs = c.createStatement().executeQuery("select current_user")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wh_consolewh");
        }
        List<String> lines =
                browser.findAll(".line code").stream().map(WebElement::getText).toList();
        assertThat(lines).hasSize(3);
        assertThat(run(
                        password,
                        "psql",
                        "-tAc",
                        "select current_user",
                        lines.get(0).replaceAll("^psql \"|\"$", "")))
                .as("the psql line, as the page shows it")
                .isEqualTo("wh_consolewh");
        String python = lines.get(2).replace("; psycopg2.connect(", "\nc = psycopg2.connect(") + "\nprint(c.info.user)";
        assertThat(run(password, "/usr/bin/python3", "-c", python))
                .as("the Python line, as the page shows it")
                .isEqualTo("wh_consolewh");

        browser.open(base() + "/#/projects/1/usage");
        browser.open(base() + "/#/projects/1/warehouse");
        browser.awaitText("#reset-title", "Root password", WAIT);
        assertThat(browser.findAll("#new-password")).isEmpty();
        assertThat(browser.text()).doesNotContain(password);
        assertThat((String) browser.script("return JSON.stringify(sessionStorage) + JSON.stringify(localStorage)"))
                .doesNotContain(password);
    }

    @Test
    @Order(4)
    void usageIsDrawnAsAChartOfRowsBySource() throws Exception {
        String stripe = createSource("Stripe", "stripe_");
        String hubspot = createSource("Hubspot", "hubspot_");
        finishImport(stripe, "charges", 1200, "Completed", null);
        finishImport(hubspot, "contacts", 300, "Completed", null);
        signIn();

        browser.open(base() + "/#/projects/1/usage");

        browser.awaitText("#totals-title", "Rows", WAIT);
        assertThat(browser.text()).contains("1,500");
        assertThat(textOf("#sources-title ~ figure details table"))
                .contains("Stripe (stripe_)1,200")
                .contains("Hubspot (hubspot_)300");
        browser.until(WAIT, "a drawn chart", d -> paintedPixels("#sources-title ~ figure canvas") > 1000);
        assertThat(browser.find("#period-progress").getAttribute("value")).isNotNull();
        assertThat(browser.find("#row-progress").getAttribute("value")).isEqualTo("2");
        assertThat(browser.text()).contains("1,500 of 100,000 rows");
    }

    @Test
    @Order(5)
    void activityPagesThroughFinishedJobsAndFilters() throws Exception {
        String source = createSource("Postgres", "pg_");
        for (int i = 0; i < 22; i++) {
            finishImport(source, "table_" + i, i, i % 4 == 0 ? "Failed" : "Completed", i % 4 == 0 ? "boom " + i : null);
        }
        signIn();
        browser.open(base() + "/#/projects/1/jobs");
        browser.awaitText(".list .position", "Rows 1–20", WAIT);
        browser.until(WAIT, "a drawn job chart", d -> paintedPixels("#stats-title ~ div figure canvas") > 500);

        WebElement next = browser.findAll(".pager button").stream()
                .filter(b -> b.getText().equals("Next") && b.isEnabled())
                .findFirst()
                .orElseThrow();
        next.click();
        browser.awaitText(".list .position", "Rows 21–", WAIT);

        new Select(browser.find("#completed-outcome")).selectByValue("failed");
        browser.until(WAIT, "only failed jobs", d -> {
            String rows = browser.findAll("#completed-title ~ .list tbody tr").stream()
                    .map(WebElement::getText)
                    .reduce("", String::concat);
            return rows.contains("boom") && !rows.contains("Completed") ? rows : null;
        });
    }

    @Test
    @Order(6)
    void namesAndErrorsChosenByTenantsAreShownAsText() throws Exception {
        String image = "<img src=x onerror=\"window.__pwned=1\">";
        String script = "<script>window.__pwned=2</script>";
        String source = createSource(image, "x_");
        finishImport(source, "t", 5, "Failed", script + image);
        call(
                "POST",
                "/api/projects/1/data_warehouse/webhooks/",
                Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("job.failed"), "description", image));
        signIn();

        browser.open(base() + "/#/projects/1/jobs");
        browser.awaitText("#completed-title ~ .list", script + image, WAIT);
        assertThat(browser.text()).contains(image);
        browser.open(base() + "/#/projects/1/usage");
        browser.until(
                WAIT,
                "the hostile source in the usage table",
                d -> textOf("#sources-title ~ figure details table").contains(image + " (x_)"));
        browser.open(base() + "/#/projects/1/webhooks");
        browser.awaitText("main table", image, WAIT);

        assertThat(browser.script("return window.__pwned === undefined")).isEqualTo(true);
        assertThat(browser.findAll("main img")).isEmpty();
        assertThat(browser.findAll("main script")).isEmpty();
    }

    private String textOf(String css) {
        Object text =
                browser.script("const e = document.querySelector(arguments[0]); return e ? e.textContent : ''", css);
        return String.valueOf(text);
    }

    @Test
    @Order(7)
    void aProjectTheKeyCannotSeeAndARefusedKeyAreSaidInWords() {
        signIn();
        browser.open(base() + "/#/projects/999/warehouse");
        browser.awaitText("main", "This key cannot see project 999", WAIT);

        browser.open(base() + "/#/projects/1/warehouse");
        browser.awaitText("#warehouse-state", "ready", WAIT);
        browser.script("sessionStorage.setItem('wharf.key', arguments[0])", "phx_" + "y".repeat(43));
        browser.script("location.hash = '#/projects/1/jobs'");
        browser.awaitText("form.signin .error", "The API key was refused", WAIT);
        assertThat(browser.script("return sessionStorage.getItem('wharf.key')")).isNull();
    }

    @Test
    @Order(8)
    void aRestartingWharfIsSaidAndWhatIsShownIsMarkedNotCurrent() throws Exception {
        signIn();
        browser.open(base() + "/#/projects/1/warehouse");
        browser.awaitText("#warehouse-state", "ready", WAIT);

        wharf.sendSigterm();
        wharf.waitFor(Duration.ofSeconds(30));
        browser.awaitText(".freshness", "Wharf cannot be reached", WAIT);
        assertThat(browser.find(".content").getAttribute("class")).contains("stale");
        browser.screenshot(testName + "-down");

        startWharf();
        browser.until(
                Duration.ofSeconds(60),
                "fresh again",
                d -> browser.find(".freshness").getText().startsWith("Updated"));
        assertThat(browser.find(".content").getAttribute("class")).doesNotContain("stale");
    }

    @Test
    @Order(9)
    void itFitsA390PixelScreenAndEveryControlHasAName() {
        signIn();
        browser.resize(390, 844);
        try {
            for (String page : List.of("warehouse", "jobs", "usage", "audit", "webhooks")) {
                browser.open(base() + "/#/projects/1/" + page);
                browser.await(".freshness", WAIT);
                browser.until(
                        WAIT,
                        page + " loaded",
                        d -> !browser.find(".freshness").getText().contains("Loading"));
                assertThat(browser.script("const e = document.documentElement; return e.scrollWidth - e.clientWidth"))
                        .as(page + " at 390 px: no sideways scrolling of the page")
                        .isEqualTo(0L);
                assertThat(browser.script("return [...document.querySelectorAll('input, select, button, textarea')]"
                                + ".filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label')"
                                + " && !c.textContent.trim()).map(c => c.outerHTML)"))
                        .as(page + ": controls without a name")
                        .asList()
                        .isEmpty();
                browser.screenshot(testName + "-" + page);
            }
        } finally {
            browser.resize(1280, 900);
        }
    }

    @Test
    @Order(10)
    void deprovisionIsConfirmedByTypingTheWarehouseName() {
        signIn();
        browser.open(base() + "/#/projects/1/warehouse");
        WebElement confirm = browser.await("#confirm-name", WAIT);
        WebElement button = browser.find("button.danger");
        confirm.sendKeys("consolew");
        assertThat(button.isEnabled()).isFalse();
        confirm.sendKeys("h");
        assertThat(button.isEnabled()).isTrue();

        button.click();

        browser.awaitText("#warehouse-state", "deleted", Duration.ofSeconds(60));
        browser.await("#database-name", WAIT);
    }

    @Test
    @Order(11)
    void aThrottledCallSaysWhyAndWhenToTryAgain() {
        signIn();
        browser.open(base() + "/#/projects/1/warehouse");
        browser.await("#database-name", WAIT).sendKeys("consolewh2");
        browser.awaitText("#database-name-hint", "consolewh2 is available", WAIT);
        browser.find(".actions button[type=submit]").click();
        browser.awaitText("#warehouse-state", "ready", Duration.ofSeconds(90));

        String said = "";
        for (int click = 0; click < 12 && !said.contains("Too many requests"); click++) {
            browser.awaitText("button", "Reset password", WAIT).click();
            said = browser.until(WAIT, "a password or a refusal", d -> {
                if (!browser.findAll("#new-password").isEmpty()) return "password";
                String outcome = browser.find("#reset-title ~ p[role=status]").getText();
                return outcome.contains("Too many requests") ? outcome : null;
            });
            if (said.equals("password"))
                browser.awaitText("button", "I have saved it", WAIT).click();
        }

        assertThat(said).containsPattern("Too many requests.*Try again in \\d+ seconds\\.");
    }

    @Test
    @Order(12)
    void theKeyboardAloneSignsInAndMovesBetweenPages() {
        browser.open(base() + "/");
        browser.script("sessionStorage.clear()");
        browser.driver.navigate().refresh();
        browser.await("#key", WAIT);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("key");

        browser.driver.switchTo().activeElement().sendKeys(key, Keys.ENTER);
        browser.awaitText("main table", "Default project", WAIT);
        tabTo("a[href='#/projects/1/warehouse']", "main").sendKeys(Keys.ENTER);
        browser.awaitText("#page-title", "Warehouse", WAIT);
        tabTo("nav a[href='#/projects/1/jobs']", "nav").sendKeys(Keys.ENTER);

        browser.awaitText("#page-title", "Jobs", WAIT);
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/projects/1/jobs");
        assertThat(browser.find("nav a[aria-current=page]").getText()).isEqualTo("Jobs");
    }

    /** Presses Tab until the element matching {@code css} inside {@code within} has the focus; answers it. */
    private WebElement tabTo(String css, String within) {
        WebElement target = browser.find(within + " " + css.replace(within + " ", ""));
        for (int press = 0; press < 40; press++) {
            WebElement focused = browser.driver.switchTo().activeElement();
            if (focused.equals(target)) return focused;
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + css + "; the page says: " + browser.text());
    }

    /**
     * The page's own GET requests (from its Performance entries) that came again, for the same URL, sooner than
     * {@code gap}; the actions a click sends (provision, reset, …) are the user's pace, not the page's.
     */
    private List<String> requestsSooner(Duration gap) {
        Object found = browser.script(
                "const last = new Map(); const sooner = [];"
                        + "for (const e of performance.getEntriesByType('resource')) {"
                        + "  if (e.initiatorType !== 'fetch') continue;"
                        + "  if (/(provision|reset-password|test|rotate-secret|enable)\\/?$/.test(new URL(e.name).pathname)) continue;"
                        + "  const before = last.get(e.name);"
                        + "  if (before !== undefined && e.startTime - before < arguments[0])"
                        + "    sooner.push(e.name + ' after ' + Math.round(e.startTime - before) + ' ms');"
                        + "  last.set(e.name, e.startTime); }"
                        + "return sooner;",
                gap.toMillis());
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    private void signIn() {
        browser.open(base() + "/");
        browser.script("sessionStorage.setItem('wharf.key', arguments[0])", key);
        browser.open(base() + "/#/");
        browser.driver.navigate().refresh();
        browser.awaitText("#who", "Sign out", WAIT);
    }

    private long paintedPixels(String canvasCss) {
        Object painted = browser.script(
                "const c = document.querySelector(arguments[0]); if (!c || !c.width) return 0;"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                        + "for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;",
                canvasCss);
        return ((Number) painted).longValue();
    }

    private static String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Runs a client no one here wrote with the password in PGPASSWORD; answers what it printed, trimmed. */
    private static String run(String password, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor())
                .as(String.join(" ", command) + ": " + output)
                .isZero();
        return output.strip();
    }

    private static Connection connect(String password) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", "wh_consolewh");
        properties.setProperty("password", password);
        properties.setProperty("sslmode", "require");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + warehousePort + "/consolewh", properties);
    }

    private static String createSource(String type, String prefix) throws Exception {
        return call("POST", "/api/projects/1/external_data_sources/", Map.of("source_type", type, "prefix", prefix))
                .path("id")
                .asText();
    }

    private static void finishImport(String source, String schema, int rows, String status, String error)
            throws Exception {
        String job = call(
                        "POST",
                        "/api/projects/1/data_warehouse/jobs/",
                        Map.of("kind", "import", "source_id", source, "schema_name", schema))
                .path("id")
                .asText();
        Map<String, Object> report = error == null
                ? Map.of("rows", rows, "status", status)
                : Map.of("rows", rows, "status", status, "latest_error", error);
        call("PATCH", "/api/projects/1/data_warehouse/jobs/" + job + "/", report);
    }

    private static JsonNode call(String method, String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
