package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.adapters.out.provisioning.duckgres.FakeDuckgres;
import dev.wharf.bootstrap.config.WharfConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Wharf configured with the duckgres engine drives a duckgres (the in-process fake of its documented API). */
@ExtendWith(DropwizardExtensionsSupport.class)
class DuckgresEngineAppTest {
    private static final String PREFIX = "wharfduckgres";
    private static final String KEY = "phx_apitestkeyapitestkeyapitestkeyapitestkey1";
    private static final String SECRET = "internal-" + UUID.randomUUID();
    private static final FakeDuckgres DUCKGRES = new FakeDuckgres(SECRET, true);
    private static final Path DATA = temporaryDirectory();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static final DropwizardAppExtension<WharfConfiguration> APP = new DropwizardAppExtension<>(
            WharfApplication.class,
            ResourceHelpers.resourceFilePath("api-test.yml"),
            PREFIX,
            ConfigOverride.config(
                    PREFIX,
                    "database.url",
                    "jdbc:h2:mem:duck_" + UUID.randomUUID().toString().replace("-", "")
                            + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"),
            ConfigOverride.config(
                    PREFIX, "dev.apiKeyFile", DATA.resolve("dev-api-key").toString()),
            ConfigOverride.config(PREFIX, "dev.dataDir", DATA.toString()),
            ConfigOverride.config(PREFIX, "engine.type", "duckgres"),
            ConfigOverride.config(
                    PREFIX, "engine.duckgres.url", DUCKGRES.baseUrl().toString()),
            ConfigOverride.config(PREFIX, "engine.duckgres.internalSecret", SECRET),
            ConfigOverride.config(PREFIX, "engine.duckgres.requestTimeout", "2s"),
            ConfigOverride.config(PREFIX, "provisioning.pollInterval", "50ms"),
            ConfigOverride.config(PREFIX, "provisioning.backoffBase", "50ms"));

    @AfterAll
    static void stopDuckgres() {
        DUCKGRES.close();
    }

    @Test
    void aWarehouseIsProvisionedOnDuckgresItsPasswordSetThereAndAnOutageChangesNothing() throws Exception {
        String name = "duck-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post("provision", "{\"database_name\": \"" + name + "\"}").statusCode())
                .isEqualTo(202);

        JsonNode ready = awaitState("ready");
        assertThat(ready.get("status_message").asText()).isEqualTo("Infrastructure ready");
        assertThat(DUCKGRES.state(name)).isEqualTo("ready");

        JsonNode first = JSON.readTree(post("reset-password", null).body());
        String password = first.get("password").asText();
        assertThat(password).matches("[A-Za-z0-9_-]{43}");
        assertThat(DUCKGRES.login(name, "root", password)).isTrue();
        JsonNode second = JSON.readTree(post("reset-password", null).body());
        assertThat(DUCKGRES.login(name, "root", password))
                .as("the old password")
                .isFalse();
        assertThat(DUCKGRES.login(name, "root", second.get("password").asText()))
                .isTrue();

        DUCKGRES.slow(Duration.ofSeconds(5));
        HttpResponse<String> slow = post("reset-password", null);
        DUCKGRES.slow(Duration.ZERO);
        assertThat(slow.statusCode()).isEqualTo(504);
        assertThat(JSON.readTree(slow.body()).get("error").asText()).isEqualTo("Provisioning service timed out");
        assertThat(DUCKGRES.login(name, "root", second.get("password").asText()))
                .as("nothing changed")
                .isTrue();
        assertThat(JSON.readTree(get("warehouse_status").body())
                        .get("password_last_set_at")
                        .asText())
                .isEqualTo(second.get("password_last_set_at").asText());

        DUCKGRES.changeSecret("rotated-" + UUID.randomUUID());
        try {
            HttpResponse<String> refused = post("reset-password", null);
            assertThat(refused.statusCode()).isEqualTo(502);
            assertThat(JSON.readTree(refused.body()).get("error").asText())
                    .isEqualTo("Provisioning service refused Wharf's credentials");
            HttpResponse<String> health = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getAdminPort() + "/healthcheck"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(500);
            assertThat(JSON.readTree(health.body())
                            .path("engine-duckgres")
                            .path("message")
                            .asText())
                    .contains("refused Wharf's credentials");
        } finally {
            DUCKGRES.changeSecret(SECRET);
        }
        assertThat(DUCKGRES.login(name, "root", second.get("password").asText()))
                .as("a refused reset changed nothing")
                .isTrue();

        assertThat(post("deprovision", null).statusCode()).isEqualTo(202);
        assertThat(awaitState("deleted").get("status_message").asText()).isEqualTo("Resources deleted");
    }

    @Test
    void theNameCheckAsksDuckgresWhoseNamesAreGlobal() throws Exception {
        String theirs = "theirs-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> provisioned = HTTP.send(
                HttpRequest.newBuilder(URI.create(DUCKGRES.baseUrl() + "/api/v1/orgs/another-tenant/provision"))
                        .header("X-Duckgres-Internal-Secret", SECRET)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"database_name\": \"" + theirs + "\","
                                + " \"team_id\": 99, \"metadata_store\": {\"type\": \"cnpg-shard\"},"
                                + " \"ducklake\": {\"enabled\": true}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(202);

        JsonNode taken = checkName(theirs);
        JsonNode free = checkName("free-" + theirs);

        assertThat(taken.get("available").asBoolean()).as(taken.toString()).isFalse();
        assertThat(free.get("available").asBoolean()).as(free.toString()).isTrue();
    }

    private static JsonNode checkName(String name) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort()
                        + "/api/projects/1/data_warehouse/check-database-name/?name=" + name))
                .header("Authorization", "Bearer " + KEY)
                .GET()
                .build();
        return JSON.readTree(
                HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static JsonNode awaitState(String state) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        JsonNode status = JSON.readTree(get("warehouse_status").body());
        while (!state.equals(status.path("state").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = JSON.readTree(get("warehouse_status").body());
        }
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo(state);
        return status;
    }

    private static HttpResponse<String> get(String action) throws IOException, InterruptedException {
        return HTTP.send(request(action).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String action, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(action);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String action) {
        return HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + APP.getLocalPort() + "/api/projects/1/data_warehouse/" + action + "/"))
                .header("Authorization", "Bearer " + KEY)
                .timeout(Duration.ofSeconds(30));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("wharf-duckgres-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
