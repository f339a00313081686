package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.bootstrap.config.WharfConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /metrics/prometheus} on the admin port of a running Wharf, after real API traffic: the text format and
 * OpenMetrics by {@code Accept}, Wharf's metrics with their labels, Dropwizard's beside them, no value a tenant chose
 * in any label, and Prometheus' own parser and linter ({@code promtool check metrics}, Debian's {@code prometheus},
 * which {@code .ci/run} installs) accepting what Wharf's metrics are named.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PrometheusScrapeAppTest {
    private static final String PREFIX = "wharfprometheus";
    private static final String KEY = "phx_apitestkeyapitestkeyapitestkeyapitestkey1";
    private static final String SOURCE_TYPE = "TenantChosenSourceType";
    private static final String SCHEMA = "tenant_chosen_schema";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static final DropwizardAppExtension<WharfConfiguration> APP = new DropwizardAppExtension<>(
            WharfApplication.class,
            ResourceHelpers.resourceFilePath("api-test.yml"),
            PREFIX,
            ConfigOverride.config(
                    PREFIX,
                    "database.url",
                    "jdbc:h2:mem:prometheus_" + UUID.randomUUID().toString().replace("-", "")
                            + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"),
            ConfigOverride.config(
                    PREFIX,
                    "dev.apiKeyFile",
                    temporaryDirectory().resolve("dev-api-key").toString()));

    @BeforeAll
    static void traffic() throws Exception {
        api("GET", "/api/ping/", null);
        api("GET", "/api/users/@me/", null);
        api("GET", "/api/users/@me", null);
        api("GET", "/api/projects/?limit=5", null);
        api("GET", "/api/projects/1/data_warehouse/warehouse_status/", null);
        api("POST", "/api/projects/1/data_warehouse/reset-password/", null);
        api("GET", "/api/projects/1/no-such-endpoint/", null);
        String source = JSON.readTree(api(
                                "POST",
                                "/api/projects/1/external_data_sources/",
                                "{\"source_type\": \"" + SOURCE_TYPE + "\"}")
                        .body())
                .get("id")
                .asText();
        String job = JSON.readTree(api(
                                "POST",
                                "/api/projects/1/data_warehouse/jobs/",
                                "{\"kind\": \"import\", \"source_id\": \"" + source + "\", \"schema_name\": \"" + SCHEMA
                                        + "\"}")
                        .body())
                .get("id")
                .asText();
        api("PATCH", "/api/projects/1/data_warehouse/jobs/" + job + "/", "{\"rows\": 1200}");
    }

    @Test
    void theTextFormatHasWharfsMetricsWithTheirLabels() throws Exception {
        HttpResponse<String> scrape = scrape(null);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(scrape.body())
                .contains("wharf_rows_reported_total{kind=\"import\"} 1200.0")
                .contains("wharf_password_resets_total{outcome=\"failed\"} 1.0")
                .contains("wharf_jobs_running{kind=\"import\"} 1.0")
                .contains("wharf_warehouses{engine=\"postgres\",state=\"ready\"} 0.0")
                .contains("wharf_http_request_duration_seconds_count{endpoint=\"/api/ping/\",method=\"GET\","
                        + "status_class=\"2xx\"} 1")
                .contains("wharf_http_request_duration_seconds_count{endpoint="
                        + "\"/api/{scope}/{project_id}/data_warehouse/reset-password/\",method=\"POST\","
                        + "status_class=\"4xx\"} 1")
                .contains("wharf_http_request_duration_seconds_count{endpoint=\"/api/users/@me/\",method=\"GET\","
                        + "status_class=\"2xx\"} 2")
                .contains("wharf_http_request_duration_seconds_count{endpoint=\"/api/projects/\",method=\"GET\","
                        + "status_class=\"2xx\"} 1")
                .contains("endpoint=\"unmatched\",method=\"GET\",status_class=\"4xx\"")
                .contains("# TYPE io_dropwizard_db_ManagedPooledDataSource_metadata_active gauge");
    }

    @Test
    void noLabelCarriesWhatATenantOrACallerSent() throws Exception {
        String body = scrape(null).body();

        assertThat(body)
                .doesNotContain(SOURCE_TYPE)
                .doesNotContain(SCHEMA)
                .doesNotContain(KEY)
                .doesNotContain("no-such-endpoint")
                .doesNotContain("projects/1");
    }

    @Test
    void openMetricsIsServedWhenAskedFor() throws Exception {
        HttpResponse<String> scrape = scrape("application/openmetrics-text; version=1.0.0; charset=utf-8");

        assertThat(scrape.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/openmetrics-text"));
        assertThat(scrape.body()).contains("# TYPE wharf_rows_reported counter").endsWith("# EOF\n");
    }

    @Test
    void prometheusOwnLinterAcceptsWharfsMetrics() throws Exception {
        Path promtool = promtool();
        Path text = Files.createTempFile("wharf-metrics", ".txt");
        Files.writeString(text, scrape(null).body());
        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics")
                .redirectInput(text.toFile())
                .redirectErrorStream(true)
                .start();
        String verdict = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();

        List<String> problems = verdict.lines()
                .filter(line -> line.startsWith("wharf_") || line.startsWith("error"))
                .toList();
        assertThat(problems).as(verdict).isEmpty();
    }

    @Test
    void theScrapeConfigurationInTheDocsIsOnePrometheusAccepts() throws Exception {
        Path promtool = promtool();
        Path docs = Path.of(System.getProperty("wharf.config.dir", "../config"))
                .resolveSibling("docs")
                .resolve("operations.md");
        String page = Files.readString(docs);
        int metrics = page.indexOf("## Metrics");
        int start = page.indexOf("```yaml\n", metrics) + "```yaml\n".length();
        String yaml = page.substring(start, page.indexOf("```", start));
        assertThat(yaml).contains("metrics_path: /metrics/prometheus");
        Path config = Files.createTempFile("prometheus", ".yml");
        Files.writeString(config, yaml);

        Process check = new ProcessBuilder(promtool.toString(), "check", "config", config.toString())
                .redirectErrorStream(true)
                .start();
        String verdict = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(verdict).isZero();
    }

    private static Path promtool() {
        Path promtool = Path.of("/usr/bin/promtool");
        if (!Files.isExecutable(promtool)) {
            String message = "promtool is missing (Debian's prometheus package; .ci/run installs it)";
            if ("true".equals(System.getenv("CI"))) Assertions.fail(message);
            Assumptions.abort(message);
        }
        return promtool;
    }

    private static HttpResponse<String> scrape(String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getAdminPort() + "/metrics/prometheus"));
        if (accept != null) request.header("Accept", accept);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> api(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort() + path))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("wharf-prometheus");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
