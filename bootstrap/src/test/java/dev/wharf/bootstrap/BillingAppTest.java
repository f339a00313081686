package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.wharf.bootstrap.config.WharfConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Wharf configured with an HTTP billing service: its period and tracked rows, no billing, and an outage. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BillingAppTest {
    private static final String PREFIX = "wharfbilling";
    private static final String KEY = "phx_apitestkeyapitestkeyapitestkeyapitestkey1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static volatile int billingStatus = 200;
    private static volatile String billingBody = "{}";
    private static volatile String authorization;
    private static final HttpServer BILLING = billingService();

    static final DropwizardAppExtension<WharfConfiguration> APP = new DropwizardAppExtension<>(
            WharfApplication.class,
            ResourceHelpers.resourceFilePath("api-test.yml"),
            PREFIX,
            ConfigOverride.config(
                    PREFIX,
                    "database.url",
                    "jdbc:h2:mem:billing_" + UUID.randomUUID().toString().replace("-", "")
                            + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"),
            ConfigOverride.config(
                    PREFIX,
                    "dev.apiKeyFile",
                    temporaryDirectory().resolve("dev-api-key").toString()),
            ConfigOverride.config(PREFIX, "billing.type", "http"),
            ConfigOverride.config(
                    PREFIX,
                    "billing.url",
                    "http://127.0.0.1:" + BILLING.getAddress().getPort() + "/api"),
            ConfigOverride.config(PREFIX, "billing.token", "billing-token"),
            ConfigOverride.config(PREFIX, "billing.timeout", "2s"));

    @AfterAll
    static void stopBilling() {
        BILLING.stop(0);
    }

    @Test
    void theBillingServicesPeriodAndTrackedRowsAreShown() throws Exception {
        billingStatus = 200;
        billingBody = "{\"billing_period\": {\"current_period_start\": \"2026-01-01T00:00:00Z\","
                + " \"current_period_end\": \"2027-01-01T00:00:00Z\", \"interval\": \"year\"},"
                + " \"usage_summary\": {\"rows_synced\": {\"usage\": 1500, \"limit\": null}}}";

        HttpResponse<String> response = totalRowsStats();

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("billing_available").asBoolean()).isTrue();
        assertThat(body.get("billing_interval").asText()).isEqualTo("year");
        assertThat(body.get("billing_period_start").asText()).isEqualTo("2026-01-01T00:00:00.000000Z");
        assertThat(body.get("billing_period_end").asText()).isEqualTo("2027-01-01T00:00:00.000000Z");
        assertThat(body.get("tracked_billing_rows").asLong()).isEqualTo(1500);
        assertThat(body.get("total_rows").asLong()).isEqualTo(1500);
        assertThat(body.get("row_limit").isNull()).as("no limit").isTrue();
        assertThat(authorization).isEqualTo("Bearer billing-token");
    }

    @Test
    void anOrganizationTheBillingServiceDoesNotKnowHasNoBilling() throws Exception {
        billingStatus = 404;
        billingBody = "{}";

        HttpResponse<String> response = totalRowsStats();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"billing_available\":false,\"billing_interval\":\"\",\"billing_period_start\":null,"
                        + "\"billing_period_end\":null,\"breakdown_of_rows_by_source\":{},"
                        + "\"materialized_rows_in_billing_period\":0,\"total_rows\":0,\"tracked_billing_rows\":0,"
                        + "\"pending_billing_rows\":0,\"row_limit\":null}");
    }

    @Test
    void aFailingBillingServiceIs500WithoutPartialData() throws Exception {
        billingStatus = 503;
        billingBody = "{\"detail\": \"maintenance at billing.internal\"}";

        HttpResponse<String> response = totalRowsStats();

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"error\":\"An error occurred retrieving billing information\"}");
    }

    @Test
    void onceTheRowLimitIsReachedANewImportIsRecordedAsReachingIt() throws Exception {
        billingStatus = 200;
        billingBody = "{\"billing_period\": {\"current_period_start\": \"2026-01-01T00:00:00Z\","
                + " \"current_period_end\": \"2099-01-01T00:00:00Z\", \"interval\": \"year\"},"
                + " \"usage_summary\": {\"rows_synced\": {\"usage\": 0, \"limit\": 100}}}";
        String source = JSON.readTree(
                        send("POST", "/api/projects/1/external_data_sources/", "{\"source_type\": \"Stripe\"}")
                                .body())
                .get("id")
                .asText();
        String importJob = "{\"kind\": \"import\", \"source_id\": \"" + source + "\", \"schema_name\": \"charges\"}";
        JsonNode first = JSON.readTree(
                send("POST", "/api/projects/1/data_warehouse/jobs/", importJob).body());
        assertThat(first.get("status").asText()).isEqualTo("Running");
        send("PATCH", "/api/projects/1/data_warehouse/jobs/" + first.get("id").asText() + "/", "{\"rows\": 100}");

        HttpResponse<String> refused = send("POST", "/api/projects/1/data_warehouse/jobs/", importJob);

        assertThat(refused.statusCode()).isEqualTo(201);
        JsonNode job = JSON.readTree(refused.body());
        assertThat(job.get("status").asText()).isEqualTo("BillingLimitReached");
        assertThat(job.get("finished_at").isNull()).isFalse();
        JsonNode stats = JSON.readTree(totalRowsStats().body());
        assertThat(stats.get("breakdown_of_rows_by_source").get(source).asLong())
                .isEqualTo(100);
        assertThat(stats.get("row_limit").asLong())
                .as("the limit billing tells")
                .isEqualTo(100);
    }

    private static HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort() + path))
                        .header("Authorization", "Bearer " + KEY)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> totalRowsStats() throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort()
                                + "/api/projects/1/data_warehouse/total_rows_stats/"))
                        .header("Authorization", "Bearer " + KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer billingService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/api/organizations/", exchange -> {
                authorization = exchange.getRequestHeaders().getFirst("Authorization");
                byte[] bytes = billingBody.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(billingStatus, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("wharf-billing");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
