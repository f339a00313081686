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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;

/**
 * The web console against what a hostile or unlucky user meets, in Chromium against a real {@code wharf.jar dev}: a
 * skip link, a project picker and buttons driven from the keyboard, clicks that come too fast, lists that pile up,
 * answers that come late, odd or not at all, names too long for a phone, a key no key looks like, HTML sinks.
 *
 * <p>Answers Wharf would never give are made in the page: a script put there before the console's own (through the
 * DevTools protocol, so the page's CSP does not apply to it) wraps {@code fetch}, records every call in
 * {@code window.__calls} and answers the calls that match a rule in session storage ({@code test.rules}: a URL pattern,
 * optionally a method, a delay, a status, with 0 for "cannot connect", and a body, where {@code $URL} is replaced by the
 * URL asked for). Calls no rule matches go to Wharf.
 */
@Timeout(240)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleHostileIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String LONG = "x".repeat(300);
    private static final String STUB = """
            (() => {
              const real = window.fetch.bind(window);
              window.__calls = [];
              window.fetch = async (url, options = {}) => {
                const method = options.method || 'GET';
                window.__calls.push({at: Date.now(), url: String(url), method});
                let rules = [];
                try { rules = JSON.parse(sessionStorage.getItem('test.rules') || '[]'); } catch (e) { rules = []; }
                const rule = rules.find((r) => new RegExp(r.url).test(String(url)) && (!r.method || r.method === method));
                if (!rule) return real(url, options);
                if (rule.delay) await new Promise((done) => setTimeout(done, rule.delay));
                if (options.signal && options.signal.aborted) throw new DOMException('aborted', 'AbortError');
                if (rule.status === undefined) return real(url, options);
                if (rule.status === 0) throw new TypeError('Failed to fetch');
                const body = JSON.stringify(rule.body === undefined ? null : rule.body).split('$URL').join(String(url));
                return new Response(body, {status: rule.status, headers: {'Content-Type': 'application/json'}});
              };
            })();
            """;

    private static Path workDir;
    private static int port;
    private static WharfProcess wharf;
    private static String key;
    private static String webhook;
    private static ConsoleBrowser browser;

    private String testName;

    @BeforeAll
    static void startWharfAndBrowser() throws Exception {
        browser = ConsoleBrowser.start(1280, 900);
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", STUB));
        workDir = Files.createTempDirectory("wharf-console-hostile");
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwx--x--x"));
        port = WharfProcess.freePortPair();
        wharf = WharfProcess.dev(workDir, workDir.resolve("data"), port, WharfProcess.freePortPair(), Map.of());
        wharf.awaitHealthy(port + 1, Duration.ofSeconds(90));
        key = wharf.awaitLine("API key: (phx_[A-Za-z0-9_-]{43,})", Duration.ofSeconds(90))
                .group(1);
        webhook = call(
                        "POST",
                        "/api/projects/1/data_warehouse/webhooks/",
                        Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("job.failed")))
                .path("id")
                .asText();
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
        testName = "hostile-" + info.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void screenshotAndConsole() {
        browser.screenshot(testName);
        browser.resize(1280, 900);
        List<LogEntry> problems = browser.console().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(entry -> !entry.getMessage().contains("Failed to load resource"))
                .toList();
        assertThat(problems)
                .as("the browser's console: no CSP violation, no uncaught error")
                .isEmpty();
    }

    @Test
    @Order(1)
    void theSkipLinkAndTheNavigationMoveTheKeyboardToThePageTitle() {
        signIn();
        browser.open(base() + "/#/projects/1/jobs");
        browser.awaitText("#running-title", "Running", WAIT);
        browser.script("document.querySelector('.skip').focus()");
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();

        browser.until(WAIT, "the title focused", d -> "page-title".equals(activeId()));
        assertThat(browser.script("return location.hash")).isEqualTo("#/projects/1/jobs");
        assertThat(browser.find("h1").getText()).startsWith("Jobs");

        browser.find("nav a[href$='/usage']").click();
        browser.until(WAIT, "the usage title focused", d -> "page-title".equals(activeId()));
        assertThat(browser.find("#page-title").getText()).startsWith("Usage");
        assertThat(browser.driver.getTitle()).isEqualTo("Usage · Default project · Wharf");
    }

    @Test
    @Order(2)
    void theProjectPickerMovesWithArrowKeysAndOpensOnlyWithItsButton() {
        signIn();
        browser.open(base() + "/#/projects/1/warehouse");
        browser.await("#who select", WAIT);
        browser.script("document.querySelector('#who select').focus()");
        new Actions(browser.driver).sendKeys(Keys.ARROW_UP).perform();
        Pause.millis(700);
        assertThat(browser.script("return location.hash")).isEqualTo("#/projects/1/warehouse");
        assertThat(browser.script("return document.querySelector('#who select').value"))
                .isEqualTo("");

        browser.find("#who button.open").click();
        browser.awaitText("h1", "Projects", WAIT);
        assertThat(browser.script("return location.hash")).isEqualTo("#/");

        browser.open(base() + "/#/projects/1/warehouse");
        browser.awaitText("h1", "Warehouse", WAIT);
        Pause.millis(1000);
        long since = now();
        browser.script("for (let i = 0; i < 10; i++) document.querySelector('#who button.open').click()");
        Pause.millis(1000);
        assertThat(callsSince(since, "/api/"))
                .as("Open on the project already open, ten times")
                .isEmpty();
    }

    @Test
    @Order(3)
    void deliveriesOpenedAgainAndAgainAreReadByOneListOnly() {
        signIn();
        browser.open(base() + "/#/projects/1/webhooks");
        browser.awaitText("main table", "http://127.0.0.1:9/hook", WAIT);
        for (int click = 0; click < 5; click++) {
            clickButton("Deliveries");
            Pause.millis(1100);
        }
        browser.awaitText("#deliveries-title", "Deliveries", WAIT);
        assertThat(activeId()).isEqualTo("deliveries-title");
        assertThat(browser.findAll(".deliveries table")).hasSize(1);

        long since = now();
        Pause.millis(12_000);
        assertThat(callsSince(since, "/deliveries/"))
                .as("one list of deliveries read every 10 s, not one per click")
                .hasSizeLessThanOrEqualTo(2);
    }

    @Test
    @Order(4)
    void aButtonClickedOverAndOverSendsOneRequest() {
        signIn();
        browser.open(base() + "/#/projects/1/webhooks");
        browser.awaitText("main table", "http://127.0.0.1:9/hook", WAIT);
        long since = now();
        browser.script("const b = [...document.querySelectorAll('button')].find(x => x.textContent === 'Send a test');"
                + "for (let i = 0; i < 5; i++) b.click();");
        browser.awaitText("main p[role=status]", "A test event is on its way", WAIT);
        Pause.millis(1500);
        assertThat(callsSince(since, "/test/")).hasSize(1);

        long again = now();
        clickButton("Send a test");
        Pause.millis(600);
        clickButton("Send a test"); // within the second: it waits for the second to end, it is not lost
        Pause.millis(1500);
        List<Number> times = times(again, "/test/");
        assertThat(times).hasSize(2);
        assertThat(times.get(1).longValue() - times.get(0).longValue()).isGreaterThanOrEqualTo(990);
    }

    @Test
    @Order(5)
    void aRefreshKeepsTheKeyboardWhereItIsAndSaysNothingNew() {
        signIn();
        browser.open(base() + "/#/projects/1/webhooks");
        browser.awaitText("main table", "http://127.0.0.1:9/hook", WAIT);
        browser.script(
                "window.__live = () => [...document.querySelectorAll('[aria-live], [role=status], [role=alert]')];"
                        + "window.__before = window.__live().map(e => e.textContent).join('|');");
        browser.script("[...document.querySelectorAll('button')].find(x => x.textContent === 'Delete').focus()");

        Pause.millis(16_000); // the list is read again every 15 s

        assertThat(browser.script("return document.activeElement.getAttribute('aria-label')"))
                .as("the focused button survives the refresh")
                .isEqualTo("Delete (http://127.0.0.1:9/hook)");
        assertThat(browser.script("return window.__live().some(e => e.classList.contains('freshness'))"))
                .as("the line that changes at every refresh is not a live region")
                .isEqualTo(false);
        assertThat(browser.script("return window.__live().map(e => e.textContent).join('|')"))
                .as("no live region says anything after a refresh that changed nothing")
                .isEqualTo(browser.script("return window.__before"));
    }

    @Test
    @Order(6)
    void theNewPasswordTakesTheKeyboardIsNotSpokenUnaskedAndHidingGoesBack() {
        signIn();
        rules(List.of(
                Map.of("url", "warehouse_status", "status", 200, "body", readyWarehouse()),
                Map.of(
                        "url",
                        "reset-password",
                        "status",
                        200,
                        "body",
                        Map.of("username", "wh_stubwh", "password", "pw-0123456789-abcdefghij"))));
        browser.open(base() + "/#/projects/1/warehouse");
        browser.awaitText("#reset-title", "Root password", WAIT);
        clickButton("Reset password");

        browser.await("#new-password", WAIT);
        assertThat(browser.script("return !!document.activeElement.closest('.once')"))
                .as("the keyboard is on the password's card")
                .isEqualTo(true);
        assertThat(browser.script("return !document.querySelector('#new-password')"
                        + ".closest('[role=alert], [aria-live], [role=status]')"))
                .as("the password is not in a live region (it would be spoken aloud at once)")
                .isEqualTo(true);
        assertThat(browser.script("const c = document.activeElement.closest('.once');"
                        + "return document.getElementById(c.getAttribute('aria-describedby')).textContent"))
                .asString()
                .contains("will not be shown again");

        clickButton("I have saved it: hide");
        assertThat(browser.findAll("#new-password")).isEmpty();
        assertThat(browser.script("return document.activeElement.textContent")).isEqualTo("Reset password");

        String described = (String) browser.script("const i = document.getElementById('confirm-name');"
                + "return document.getElementById(i.getAttribute('aria-describedby')).textContent");
        assertThat(described).contains("Type its name, stubwh, to confirm");
    }

    @Test
    @Order(7)
    void longNamesWrapAt390Pixels() {
        signIn();
        rules(List.of(
                Map.of("url", "/api/projects/\\?", "status", 200, "body", projects(8, "Project " + LONG)),
                Map.of(
                        "url",
                        "/api/users/@me",
                        "status",
                        200,
                        "body",
                        Map.of("id", "u", "email", LONG + "@example.com", "organizations", List.of())),
                Map.of(
                        "url",
                        "/webhooks/\\?",
                        "status",
                        200,
                        "body",
                        Map.of(
                                "results",
                                List.of(Map.of(
                                        "id",
                                        "w1",
                                        "url",
                                        "https://example.com/" + LONG,
                                        "events",
                                        List.of("job.failed"),
                                        "description",
                                        LONG,
                                        "enabled",
                                        true,
                                        "created_at",
                                        "2026-03-14T09:26:53.589793Z")),
                                "next",
                                "",
                                "previous",
                                "")),
                Map.of(
                        "url",
                        "rotate-secret",
                        "status",
                        200,
                        "body",
                        Map.of("url", "https://example.com/" + LONG, "secret", "whsec_" + LONG))));
        browser.resize(390, 844);
        browser.driver.navigate().refresh();
        browser.open(base() + "/#/projects/1/warehouse");
        browser.awaitText("h1", "Warehouse", WAIT);
        assertThat(sidewaysScroll()).as("a long project name and e-mail").isZero();

        browser.open(base() + "/#/projects/" + LONG + "/warehouse");
        browser.awaitText("main", "This key cannot see project", WAIT);
        assertThat(sidewaysScroll()).as("a long project id in the address").isZero();

        browser.open(base() + "/#/projects/1/webhooks");
        browser.awaitText("main table", "https://example.com/", WAIT);
        clickButton("Rotate secret");
        browser.await("#secret-title", WAIT);
        assertThat(sidewaysScroll())
                .as("the secret of a subscription with a long URL")
                .isZero();
    }

    @Test
    @Order(8)
    void anAccountThatCannotBeReadIsSaidWithAWayOut() {
        signIn();
        rules(List.of(Map.of(
                "url",
                "/api/projects/\\?",
                "status",
                403,
                "body",
                Map.of("detail", "You do not have permission to perform this action."))));
        browser.driver.navigate().refresh();
        browser.awaitText("main", "Not allowed", WAIT);
        clickButton("Sign out");
        browser.await("#key", WAIT);
        assertThat(browser.script("return sessionStorage.getItem('wharf.key')")).isNull();

        signIn();
        rules(List.of(Map.of("url", "/api/", "status", 0)));
        browser.driver.navigate().refresh();
        browser.awaitText("main", "Wharf cannot be reached", WAIT);
        long since = now();
        for (int click = 0; click < 10; click++) {
            clickButton("Try again"); // each refusal comes at once and draws a new button
            Pause.millis(100);
        }
        assertThat(callsSince(since, "/api/users/@me"))
                .as("Try again, clicked ten times in a second")
                .hasSizeLessThanOrEqualTo(2);
        rules(List.of());
        browser.awaitText("main h1", "Projects", WAIT); // tried again by itself
    }

    @Test
    @Order(9)
    void aMemberIsToldTheAdminPagesAreNotForThemWithoutAsking() {
        signIn();
        rules(List.of(Map.of("url", "/api/projects/\\?", "status", 200, "body", projects(1, "Default project"))));
        browser.driver.navigate().refresh();
        browser.open(base() + "/#/projects/1/audit");
        browser.awaitText("main", "Only organization admins and owners can see the audit log", WAIT);
        assertThat(browser.findAll("nav a[href$='/audit'], nav a[href$='/webhooks']"))
                .isEmpty();
        Pause.millis(1500);
        assertThat(callsSince(0, "audit_log")).isEmpty();
    }

    @Test
    @Order(10)
    void oddAnswersAreSaidNotMisdrawn() {
        signIn();
        Map<String, Object> noBilling = new java.util.HashMap<>(usage(0));
        noBilling.put("billing_available", false);
        noBilling.put("billing_interval", "");
        noBilling.put("billing_period_start", null);
        noBilling.put("billing_period_end", null);
        rules(List.of(Map.of("url", "total_rows_stats", "status", 200, "body", noBilling)));
        browser.open(base() + "/#/projects/1/usage");
        browser.awaitText("main", "No billing period", WAIT);
        assertThat(browser.text()).doesNotContain("of the period has gone").doesNotContain("(month)");

        rules(List.of(Map.of("url", "total_rows_stats", "status", 200, "body", usage(0))));
        browser.driver.navigate().refresh();
        browser.awaitText("main", "10 of 0 rows", WAIT);

        rules(List.of(Map.of(
                "url",
                "/webhooks/\\?",
                "status",
                200,
                "body",
                Map.of("results", "not a list", "next", "", "previous", ""))));
        browser.open(base() + "/#/projects/1/webhooks");
        browser.awaitText(".freshness", "Wharf answered something the console cannot show", WAIT);
    }

    @Test
    @Order(11)
    void anAnswerForAFilterNoLongerChosenIsNeverShown() {
        signIn();
        rules(List.of(Map.of(
                "url",
                "completed_activity",
                "delay",
                1500,
                "status",
                200,
                "body",
                Map.of(
                        "results",
                        List.of(Map.of("id", "j", "name", "$URL", "type", "t", "status", "Completed", "rows", 1)),
                        "next",
                        "",
                        "previous",
                        ""))));
        browser.open(base() + "/#/projects/1/jobs");
        browser.await("#completed-outcome", WAIT);
        browser.script("const s = document.getElementById('completed-outcome'); s.value = 'failed';"
                + "s.dispatchEvent(new Event('change'));");

        List<String> wrong = new ArrayList<>();
        long end = System.currentTimeMillis() + 7000;
        boolean sawFailed = false;
        while (System.currentTimeMillis() < end) {
            String line = (String) browser.script(
                    "return document.querySelector('#completed-title ~ .list .freshness')" + ".textContent");
            String rows = (String)
                    browser.script("return document.querySelector('#completed-title ~ .list tbody')" + ".textContent");
            if (line.startsWith("Updated") && !rows.contains("outcome=failed")) wrong.add(rows);
            sawFailed |= line.startsWith("Updated") && rows.contains("outcome=failed");
            Pause.millis(50);
        }
        assertThat(wrong).as("rows of the old filter shown as current").isEmpty();
        assertThat(sawFailed).as("the rows of the chosen filter came").isTrue();
    }

    @Test
    @Order(12)
    void aPageLeftWhileTheAccountLoadedIsDrawnOnce() {
        signIn();
        rules(List.of(Map.of("url", "/api/users/@me", "delay", 1500)));
        browser.open(base() + "/#/projects/1/warehouse");
        browser.driver.navigate().refresh(); // a new page: the account is read again, slowly
        Pause.millis(300);
        browser.script("location.hash = '#/projects/1/usage'");
        browser.awaitText("h1", "Usage", WAIT);
        Pause.millis(2000);

        assertThat(callsSince(0, "total_rows_stats"))
                .as("one usage page reading, not one for each route() that waited for the account")
                .hasSize(1);
        assertThat(callsSince(0, "warehouse_status")).isEmpty();
    }

    @Test
    @Order(13)
    void leavingAPageWhileItReadsSaysNothing() {
        signIn();
        rules(List.of(Map.of("url", "running_activity", "delay", 1500)));
        browser.open(base() + "/#/projects/1/jobs");
        browser.awaitText("h1", "Jobs", WAIT);
        Pause.millis(300);
        browser.find("nav a[href$='/usage']").click(); // the jobs page's read is cut short
        browser.awaitText("h1", "Usage", WAIT);
        Pause.millis(2000);
        assertThat(browser.script("return document.getElementById('announcer').textContent"))
                .as("what screen readers were told")
                .isEqualTo("");
    }

    @Test
    @Order(14)
    void aKeyWithCharactersNoKeyHasIsRefusedInWords() {
        browser.open(base() + "/");
        browser.script("sessionStorage.clear()");
        browser.driver.navigate().refresh();
        browser.await("#key", WAIT).sendKeys("phx_\u043a\u043b\u044e\u0447", Keys.ENTER);
        browser.awaitText("form.signin .error", "not an API key", WAIT);
        assertThat(browser.find("form.signin .error").getText()).doesNotContain("cannot be reached");
    }

    @Test
    @Order(15)
    void theBrowserRefusesEveryHtmlSink() {
        signIn();
        Object outcome = browser.script("try { document.createElement('div').innerHTML = '<b>x</b>'; return 'parsed'; }"
                + " catch (e) { return e.name; }");
        assertThat(outcome).as("Trusted Types without a policy").isEqualTo("TypeError");
        browser.console(); // the refusal is logged on purpose
    }

    @Test
    @Order(16)
    void chartLabelsFitTheirRoomAndBigNumbersAreShort() {
        signIn();
        @SuppressWarnings("unchecked")
        List<Object> answer =
                (List<Object>) browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "import('/console/charts.js').then(m => done([m.axisLabels("
                        + "Array.from({length: 55}, (_, i) => 'Source ' + i + ' (' + 'p'.repeat(40) + ')'), 340),"
                        + "m.compact(900000000000000)])).catch(e => done(String(e)));");
        assertThat(answer).hasSize(2);
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) answer.get(0);
        List<String> shown = labels.stream().filter(l -> !l.isEmpty()).toList();
        assertThat(shown).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(10));
        assertThat(shown.size() * (10 * 7 + 12)).isLessThanOrEqualTo(340);
        assertThat((String) answer.get(1)).hasSizeLessThanOrEqualTo(6);
    }

    @Test
    @Order(17)
    void aPollerNeverRunsItsTaskMoreThanOnceASecond() {
        signIn();
        @SuppressWarnings("unchecked")
        List<Number> starts =
                (List<Number>) browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "import('/console/poll.js').then(({Poller}) => {"
                        + "  const starts = [];"
                        + "  const p = new Poller(async () => { starts.push(Date.now()); throw new Error('down'); }, 10);"
                        + "  p.start();"
                        + "  const spam = setInterval(() => { p.now(); p.every(1); }, 20);"
                        + "  setTimeout(() => { clearInterval(spam); p.stop(); done(starts); }, 4500);"
                        + "});");
        assertThat(starts).hasSizeBetween(2, 5);
        for (int i = 1; i < starts.size(); i++) {
            assertThat(starts.get(i).longValue() - starts.get(i - 1).longValue())
                    .as("pause before run " + i)
                    .isGreaterThanOrEqualTo(990);
        }
    }

    private void signIn() {
        browser.open(base() + "/");
        browser.script("sessionStorage.clear(); sessionStorage.setItem('wharf.key', arguments[0])", key);
        browser.open(base() + "/#/");
        browser.driver.navigate().refresh();
        browser.awaitText("#who", "Sign out", WAIT);
    }

    private void rules(List<Map<String, Object>> rules) {
        try {
            browser.script("sessionStorage.setItem('test.rules', arguments[0])", JSON.writeValueAsString(rules));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void clickButton(String text) {
        browser.script(
                "[...document.querySelectorAll('button')].find(b => b.textContent === arguments[0]).click()", text);
    }

    private String activeId() {
        return (String) browser.script("return document.activeElement.id");
    }

    private long now() {
        return ((Number) browser.script("return Date.now()")).longValue();
    }

    private List<Object> callsSince(long since, String url) {
        @SuppressWarnings("unchecked")
        List<Object> calls = (List<Object>) browser.script(
                "return window.__calls.filter(c => c.at >= arguments[0] && c.url.includes(arguments[1]))"
                        + ".map(c => c.method + ' ' + c.url)",
                since,
                url);
        return calls;
    }

    private List<Number> times(long since, String url) {
        @SuppressWarnings("unchecked")
        List<Number> times = (List<Number>) browser.script(
                "return window.__calls.filter(c => c.at >= arguments[0] && c.url.includes(arguments[1])).map(c => c.at)",
                since,
                url);
        return times;
    }

    private long sidewaysScroll() {
        return ((Number) browser.script("const e = document.documentElement; return e.scrollWidth - e.clientWidth"))
                .longValue();
    }

    private static Map<String, Object> readyWarehouse() {
        return Map.of(
                "state", "ready",
                "database_name", "stubwh",
                "status_message", "Ready",
                "ready_at", "2026-03-14T09:26:53.589793Z",
                "connection",
                        Map.of(
                                "host", "127.0.0.1",
                                "port", 5432,
                                "database", "stubwh",
                                "username", "wh_stubwh",
                                "sslmode", "require",
                                "jdbc_url", "jdbc:postgresql://127.0.0.1:5432/stubwh?sslmode=require"));
    }

    private static Map<String, Object> projects(int level, String name) {
        return Map.of(
                "count",
                1,
                "next",
                "",
                "previous",
                "",
                "results",
                List.of(Map.of(
                        "id",
                        1,
                        "organization",
                        "o",
                        "name",
                        name,
                        "timezone",
                        "UTC",
                        "effective_membership_level",
                        level)));
    }

    private static Map<String, Object> usage(long rowLimit) {
        return Map.of(
                "billing_available",
                true,
                "billing_interval",
                "month",
                "billing_period_start",
                "2026-03-01T00:00:00.000000Z",
                "billing_period_end",
                "2026-04-01T00:00:00.000000Z",
                "breakdown_of_rows_by_source",
                Map.of(),
                "materialized_rows_in_billing_period",
                0,
                "total_rows",
                10,
                "tracked_billing_rows",
                0,
                "pending_billing_rows",
                10,
                "row_limit",
                rowLimit);
    }

    private static String base() {
        return "http://127.0.0.1:" + port;
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
