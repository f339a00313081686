package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.adapters.out.provisioning.duckgres.FakeDuckgres;
import dev.wharf.bootstrap.JobReportLoad.Acknowledged;
import dev.wharf.bootstrap.JobReportLoad.Failure;
import dev.wharf.testing.TestDatabase;
import dev.wharf.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM under load, on PostgreSQL with {@code config/postgres.yml} and the real jar: what was accepted is answered,
 * nothing acknowledged is lost, and the next start finishes the provisioning the first one left. The engine is a
 * duckgres fake in this JVM, so the test decides when warehouses become ready and how long a call to it takes.
 */
@Timeout(300)
class GracefulShutdownIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final String SECRET = "internal-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    private final FakeDuckgres duckgres = new FakeDuckgres(SECRET, true);
    private final TestDatabase database = TestDatabases.postgres();
    private final List<WharfProcess> processes = new ArrayList<>();
    private final int port = WharfProcess.freePortPair();
    private String key;

    @AfterEach
    void stopEverything() {
        processes.forEach(WharfProcess::close);
        duckgres.close();
        database.close();
    }

    @Test
    void sigtermAnswersWhatWasAcceptedLosesNoAcknowledgedReportAndTheNextStartResumesProvisioning() throws Exception {
        assertThat(run("db", "migrate").waitFor(START)).isZero();
        WharfProcess generate = run("generate", "--projects", "5", "--sources", "1", "--jobs", "0", "--running", "0");
        assertThat(generate.waitFor(START)).as(generate.transcript()).isZero();
        key = generate.awaitLine("API key: (phx_\\S+)", START).group(1);
        generate.awaitLine("Projects: 1,2,3,4,5", START);
        WharfProcess first = run("server");
        first.awaitHealthy(port + 1, START);

        // Project 1 gets a ready warehouse; projects 2 to 5 stay provisioning for as long as duckgres is held.
        provision(1);
        awaitState(1, "ready");
        duckgres.holdProvisioning(true);
        LongStream.rangeClosed(2, 5).forEach(GracefulShutdownIT.this::provision);
        LongStream.rangeClosed(2, 5).forEach(p -> awaitState(p, "provisioning"));

        List<Map.Entry<Long, String>> reporters = twoReportersPerProject();
        JobReportLoad load = new JobReportLoad(port, key, reporters);
        awaitAcknowledgedJobs(load, 20);

        // A password reset that takes 2 s at duckgres is in flight when SIGTERM arrives.
        duckgres.slow(Duration.ofSeconds(2));
        CompletableFuture<HttpResponse<String>> reset =
                CompletableFuture.supplyAsync(() -> call("POST", 1, "/data_warehouse/reset-password/", null));
        awaitReceived("POST /api/v1/orgs/shutdown1/reset-password");
        long sigterm = System.nanoTime();
        first.sendSigterm();
        int exit = first.waitFor(Duration.ofSeconds(60));
        long exited = System.nanoTime();
        load.stop();

        assertThat(exit).as(first.transcript()).isEqualTo(143);
        HttpResponse<String> answer = reset.get();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String password = JSON.readTree(answer.body()).path("password").asText();
        assertThat(duckgres.login("shutdown1", "root", password))
                .as("the password handed out works")
                .isTrue();

        List<Failure> failures = load.failures();
        assertThat(failures).as("every thread stopped at a refusal").hasSize(reporters.size());
        assertThat(failures).allSatisfy(failure -> {
            assertThat(failure.atNanos()).as(failure.toString()).isGreaterThan(sigterm);
            assertThat(failure.status()).as(failure.toString()).isIn(0, 503);
        });
        Map<String, Acknowledged> acknowledged = load.acknowledged();
        assertThat(stored())
                .as("every acknowledged start and report is stored, and nothing that was not answered")
                .isEqualTo(acknowledged);
        assertThat(leftProvisioning()).as("provisioning, without a lease").containsOnly("provisioning:null");
        assertThat(Stream.concat(first.stdout().stream(), first.stderr().stream()))
                .as("what the server logged while stopping")
                .noneMatch(line -> line.startsWith("ERROR") || line.startsWith("\tat "));
        System.out.printf(
                "GracefulShutdownIT: %d jobs acknowledged, %d refusals, exit %.1f s after SIGTERM%n",
                acknowledged.size(), failures.size(), (exited - sigterm) / 1e9);

        duckgres.slow(Duration.ZERO);
        duckgres.holdProvisioning(false);
        WharfProcess second = run("server");
        second.awaitHealthy(port + 1, START);
        LongStream.rangeClosed(2, 5).forEach(p -> awaitState(p, "ready"));
        second.sendSigterm();
        assertThat(second.waitFor(Duration.ofSeconds(60)))
                .as(second.transcript())
                .isEqualTo(143);
    }

    /** Project ids, each twice, with a source of that project. */
    private List<Map.Entry<Long, String>> twoReportersPerProject() throws Exception {
        List<Map.Entry<Long, String>> reporters = new ArrayList<>();
        for (long project = 1; project <= 5; project++) {
            HttpResponse<String> sources = call("GET", project, "/external_data_sources/?limit=1", null);
            String source = JSON.readTree(sources.body())
                    .path("results")
                    .path(0)
                    .path("id")
                    .asText();
            reporters.add(Map.entry(project, source));
            reporters.add(Map.entry(project, source));
        }
        return reporters;
    }

    private void provision(long project) {
        HttpResponse<String> answer =
                call("POST", project, "/data_warehouse/provision/", "{\"database_name\": \"shutdown" + project + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    private void awaitState(long project, String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String seen = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> status = call("GET", project, "/data_warehouse/warehouse_status/", null);
            seen = status.body();
            if (status.statusCode() == 200 && seen.contains("\"state\":\"" + state + "\"")) {
                return;
            }
            pause(100);
        }
        throw new AssertionError("project " + project + " not " + state + " within 60 s: " + seen);
    }

    private static void awaitAcknowledgedJobs(JobReportLoad load, int jobs) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (load.acknowledged().values().stream()
                        .filter(Acknowledged::finished)
                        .count()
                < jobs) {
            assertThat(load.failures()).as("failures before SIGTERM").isEmpty();
            assertThat(System.nanoTime())
                    .as("%d finished jobs within 60 s", jobs)
                    .isLessThan(deadline);
            pause(50);
        }
    }

    private void awaitReceived(String request) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!duckgres.received().contains(request)) {
            assertThat(System.nanoTime()).as("duckgres received " + request).isLessThan(deadline);
            pause(10);
        }
    }

    /** Every job of the load as stored: rows, and whether it is Completed (else it must be Running). */
    private Map<String, Acknowledged> stored() throws SQLException {
        Map<String, Acknowledged> jobs = new HashMap<>();
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, rows_count, status FROM warehouse_job"
                        + " WHERE workflow_run_id LIKE '" + JobReportLoad.RUN_PREFIX + "%'")) {
            while (rows.next()) {
                String status = rows.getString("status");
                assertThat(status).isIn("Running", "Completed");
                jobs.put(
                        rows.getString("id"), new Acknowledged(rows.getLong("rows_count"), status.equals("Completed")));
            }
        }
        return jobs;
    }

    /** The state and lease owner of the warehouses of projects 2 to 5, as {@code state:owner}. */
    private List<String> leftProvisioning() throws SQLException {
        List<String> states = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT state, lease_owner FROM warehouse WHERE project_id BETWEEN 2 AND 5")) {
            while (rows.next()) {
                states.add(rows.getString("state") + ":" + rows.getString("lease_owner"));
            }
        }
        assertThat(states).hasSize(4);
        return states;
    }

    private HttpResponse<String> call(String method, long project, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/projects/" + project + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    private WharfProcess run(String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add(
                Path.of(System.getProperty("wharf.config.dir"), "postgres.yml").toString());
        int warehousePort = WharfProcess.freePortPair();
        Map<String, String> env = WharfProcess.env(
                "WHARF_DATABASE_URL", database.jdbcUrl(),
                "WHARF_DATABASE_USER", database.username(),
                "WHARF_DATABASE_PASSWORD", database.password(),
                "WHARF_BIND_HOST", "127.0.0.1",
                "WHARF_PORT", Integer.toString(port),
                "WHARF_ADMIN_PORT", Integer.toString(port + 1),
                "WHARF_DATA_DIR", workDir.resolve("data").toString(),
                "WHARF_WAREHOUSE_PORT", Integer.toString(warehousePort),
                "WHARF_WAREHOUSE_TCP_PORT", Integer.toString(warehousePort + 1),
                "WHARF_ENGINE", "duckgres",
                "WHARF_DUCKGRES_URL", duckgres.baseUrl().toString(),
                "WHARF_DUCKGRES_SECRET", SECRET);
        WharfProcess process = WharfProcess.start(workDir, env, arguments.toArray(String[]::new));
        processes.add(process);
        return process;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
