package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks with the real jar: an event committed before a {@code kill -9} is delivered after the restart (the
 * outbox), and two instances on one PostgreSQL database deliver each event once (the lease).
 */
@Timeout(300)
class WebhookDeliveryIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_LINE = "API key: (phx_[A-Za-z0-9_-]{43,})";

    @TempDir
    Path workDir;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable c : opened) c.close();
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private static JsonNode json(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new AssertionError(answer.body(), e);
        }
    }

    private static String subscribe(ProjectApi api, int hookPort, String... events) {
        String list = String.join("\", \"", events);
        HttpResponse<String> created = api.call(
                "POST",
                1,
                "/data_warehouse/webhooks/",
                "{\"url\": \"http://127.0.0.1:" + hookPort + "/hook\", \"events\": [\"" + list + "\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("secret").asText();
    }

    @Test
    void anEventCommittedBeforeASigkillIsDeliveredAfterTheRestart() throws Exception {
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwx--x--x"));
        Path data = workDir.resolve("data");
        int port = WharfProcess.freePortPair();
        int warehousePort = WharfProcess.freePortPair();
        int hookPort = WharfProcess.freePortPair();
        WharfProcess first = open(WharfProcess.dev(workDir, data, port, warehousePort, Map.of()));
        ProjectApi api = new ProjectApi(port, first.awaitLine(KEY_LINE, START).group(1));
        String secret = subscribe(api, hookPort, "warehouse.state_changed");

        api.provision(1, "hooked");
        api.awaitState(1, "ready");
        // No receiver listens yet: every attempt so far was refused, and each delivery waits for its retry.
        JsonNode hooks = json(api.call("GET", 1, "/data_warehouse/webhooks/", null));
        String webhook = hooks.path("results").path(0).path("id").asText();
        JsonNode pending = json(api.call("GET", 1, "/data_warehouse/webhooks/" + webhook + "/deliveries/", null));
        assertThat(pending.path("results"))
                .hasSize(3)
                .allSatisfy(d -> assertThat(d.path("status").asText()).isEqualTo("pending"));
        first.sendSigkill();
        first.waitFor(Duration.ofSeconds(30));

        WebhookReceiver receiver = open(WebhookReceiver.on(hookPort));
        WharfProcess second = open(WharfProcess.dev(workDir, data, port, warehousePort, Map.of()));
        second.awaitHealthy(port + 1, START);
        receiver.awaitDistinct(3, Duration.ofSeconds(90));

        List<String> states = receiver.received().stream()
                .map(d -> json(d.body()).path("data").path("state").asText())
                .toList();
        assertThat(states).containsExactlyInAnyOrder("pending", "provisioning", "ready");
        assertThat(receiver.received())
                .allSatisfy(d -> assertThat(WebhookReceiver.signedWith(d, secret))
                        .as("signed with the secret shown at creation")
                        .isTrue());
        JsonNode after = json(api.call("GET", 1, "/data_warehouse/webhooks/" + webhook + "/deliveries/", null));
        // An event recorded just before the kill may not have been tried yet: each was sent at least once, after the
        // restart.
        assertThat(after.path("results")).allSatisfy(d -> {
            assertThat(d.path("status").asText()).isEqualTo("delivered");
            assertThat(d.path("attempts").asInt()).isPositive();
            assertThat(d.path("last_response_code").asInt()).isEqualTo(204);
        });
    }

    @Test
    void twoInstancesOnOneDatabaseDeliverEachEventOnce() {
        DuckgresWharf wharf = open(new DuckgresWharf(workDir));
        assertThat(wharf.run("db", "migrate").waitFor(START)).isZero();
        WharfProcess generate =
                wharf.run("generate", "--projects", "1", "--sources", "1", "--jobs", "0", "--running", "0");
        assertThat(generate.waitFor(START)).as(generate.transcript()).isZero();
        String key = generate.awaitLine("API key: (phx_\\S+)", START).group(1);
        Map<String, String> loopback =
                Map.of("WHARF_WEBHOOKS_REQUIRE_HTTPS", "false", "WHARF_WEBHOOKS_ALLOW_LOOPBACK", "true");
        int otherPort = WharfProcess.freePortPair();
        WharfProcess a = wharf.runOn(wharf.port(), loopback, "server");
        WharfProcess b = wharf.runOn(otherPort, loopback, "server");
        a.awaitHealthy(wharf.adminPort(), START);
        b.awaitHealthy(otherPort + 1, START);
        ProjectApi apiA = new ProjectApi(wharf.port(), key);
        ProjectApi apiB = new ProjectApi(otherPort, key);
        int hookPort = WharfProcess.freePortPair();
        WebhookReceiver receiver = open(WebhookReceiver.on(hookPort));
        subscribe(apiA, hookPort, "job.failed");
        String source = apiA.firstSource(1);

        int jobs = 40;
        for (int i = 0; i < jobs; i++) {
            ProjectApi api = i % 2 == 0 ? apiA : apiB;
            HttpResponse<String> started = api.call(
                    "POST",
                    1,
                    "/data_warehouse/jobs/",
                    "{\"kind\": \"import\", \"source_id\": \"" + source + "\", \"schema_name\": \"s" + i + "\"}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            String job = json(started).get("id").asText();
            HttpResponse<String> failed = api.call(
                    "PATCH",
                    1,
                    "/data_warehouse/jobs/" + job + "/",
                    "{\"status\": \"Failed\", \"latest_error\": \"boom " + i + "\"}");
            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(200);
        }
        receiver.awaitDistinct(jobs, Duration.ofSeconds(60));
        Pause.millis(3000);

        assertThat(receiver.byId())
                .hasSize(jobs)
                .allSatisfy((id, times) -> assertThat(times)
                        .as("webhook-id " + id + " arrived once")
                        .isEqualTo(1));
        assertThat(receiver.received())
                .extracting(d -> json(d.body()).path("type").asText())
                .containsOnly("job.failed");
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }
}
