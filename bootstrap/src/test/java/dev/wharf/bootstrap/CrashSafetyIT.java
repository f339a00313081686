package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.bootstrap.JobReportLoad.Acknowledged;
import dev.wharf.testing.TestDatabase;
import dev.wharf.testing.TestDatabases;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing answered is lost: Wharf is killed with SIGKILL while clients provision, deprovision, reset passwords and
 * report jobs; after a restart on the same data every answered job report is there, every answered management call has
 * its audit entry, and the warehouse reaches a final state. On {@code ./wharf dev} (H2 metadata, commits written
 * before the answer: {@code WRITE_DELAY=0}) and on PostgreSQL metadata (skipped without a server, failed under {@code
 * CI=true}: see {@link TestDatabases}).
 */
@Timeout(300)
class CrashSafetyIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final String KEY_LINE = "API key: (phx_[A-Za-z0-9_-]{43,})";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FINAL = Set.of("ready", "failed", "deleted");

    @TempDir
    Path workDir;

    private final List<WharfProcess> processes = new ArrayList<>();
    private final List<TestDatabase> databases = new ArrayList<>();
    private int port;
    private final int warehousePort = WharfProcess.freePortPair();

    @BeforeEach
    void prepare() throws IOException {
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwx--x--x"));
        port = WharfProcess.freePortPair();
    }

    @AfterEach
    void stopEverything() {
        processes.forEach(WharfProcess::close);
        databases.forEach(TestDatabase::close);
    }

    @Test
    void aKilledDevWharfLosesNothingItAnswered() throws Exception {
        for (int run = 0; run < 2; run++) {
            Path data = workDir.resolve("data-" + run);
            WharfProcess wharf = dev(data);
            String key = wharf.awaitLine(KEY_LINE, START).group(1);
            killUnderLoadAndCheck(wharf, key, run * 700L, () -> {
                WharfProcess again = dev(data);
                again.awaitLine(KEY_LINE, START);
                return again;
            });
        }
    }

    /**
     * The same on PostgreSQL metadata ({@code server config/postgres.yml}, its warehouses on the embedded server). The
     * dead process's claims run out after their lease, shortened here to 5 s: other instances may share this
     * database, so a start cannot take them over at once as dev mode does.
     */
    @Test
    void aKilledWharfOnPostgresMetadataLosesNothingItAnswered() throws Exception {
        TestDatabase database = TestDatabases.postgres();
        databases.add(database);
        Map<String, String> env = postgresEnvironment(database);
        WharfProcess migrate = start(env, "db", "migrate", postgresConfig().toString());
        assertThat(migrate.waitFor(START)).as(migrate.transcript()).isZero();
        WharfProcess generate = start(
                env,
                "generate",
                "--projects",
                "1",
                "--sources",
                "1",
                "--jobs",
                "0",
                "--running",
                "0",
                postgresConfig().toString());
        String key = generate.awaitLine("API key: (phx_\\S+)", START).group(1);
        assertThat(generate.waitFor(START)).as(generate.transcript()).isZero();
        assertThat(generate.stdout()).as(generate.transcript()).contains("Projects: 1");

        WharfProcess wharf = start(env, "server", postgresConfig().toString());
        wharf.awaitHealthy(port + 1, START);
        killUnderLoadAndCheck(wharf, key, 300, () -> {
            WharfProcess again = start(env, "server", postgresConfig().toString());
            again.awaitHealthy(port + 1, START);
            return again;
        });
    }

    /**
     * Provisions, deprovisions, resets and job reports on project 1 until some of each were answered, then SIGKILL
     * ({@code extraMillis} later); after {@code restart}, everything answered is there and the warehouse reaches a
     * final state.
     */
    private void killUnderLoadAndCheck(WharfProcess wharf, String key, long extraMillis, Restart restart)
            throws Exception {
        ProjectApi api = new ProjectApi(port, key);
        List<Map.Entry<Long, String>> sources = List.of(Map.entry(1L, source(api)), Map.entry(1L, source(api)));
        JobReportLoad jobs = new JobReportLoad(port, api.key(), sources);
        ManagementLoad management = new ManagementLoad(api, 1);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((management.answered("provision") < 2 || jobs.acknowledged().size() < 20)
                && System.nanoTime() < deadline) {
            Pause.millis(50);
        }
        Pause.millis(extraMillis);

        wharf.sendSigkill();
        wharf.waitFor(Duration.ofSeconds(30));
        jobs.stop();
        management.stop();

        WharfProcess again = restart.start();
        assertJobsKept(api, jobs.acknowledged());
        assertAudited(api, management);
        assertReachesAFinalState(api);
        again.sendSigterm();
        again.waitFor(Duration.ofSeconds(40));
    }

    /** Starts Wharf again on the same data, and waits until it serves. */
    private interface Restart {
        WharfProcess start();
    }

    private static void assertJobsKept(ProjectApi api, Map<String, Acknowledged> acknowledged) throws IOException {
        assertThat(acknowledged).as("job reports answered before the kill").isNotEmpty();
        for (Map.Entry<String, Acknowledged> job : acknowledged.entrySet()) {
            HttpResponse<String> stored = api.call("GET", 1, "/data_warehouse/jobs/" + job.getKey() + "/", null);
            assertThat(stored.statusCode()).as("job " + job.getKey()).isEqualTo(200);
            JsonNode body = JSON.readTree(stored.body());
            assertThat(body.path("rows").asLong())
                    .as("rows of " + job.getKey())
                    .isGreaterThanOrEqualTo(job.getValue().rows());
            if (job.getValue().finished()) {
                assertThat(body.path("status").asText()).as(stored.body()).isEqualTo("Completed");
            }
        }
    }

    private static void assertAudited(ProjectApi api, ManagementLoad management) throws IOException {
        Map<String, Integer> succeeded = new HashMap<>();
        for (int offset = 0; ; offset += 50) {
            JsonNode page =
                    JSON.readTree(api.call("GET", 1, "/data_warehouse/audit_log/?limit=50&offset=" + offset, null)
                            .body());
            for (JsonNode entry : page.path("results")) {
                if (entry.path("outcome").asText().equals("succeeded")) {
                    succeeded.merge(entry.path("action").asText(), 1, Integer::sum);
                }
            }
            if (page.path("next").isNull()) {
                break;
            }
        }
        for (String action : List.of("provision", "deprovision", "reset-password")) {
            assertThat(succeeded.getOrDefault(action, 0))
                    .as("audit entries of answered %s calls (answered: %d)", action, management.answered(action))
                    .isGreaterThanOrEqualTo(management.answered(action));
        }
        assertThat(management.answered("provision")).isPositive();
    }

    private static void assertReachesAFinalState(ProjectApi api) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            state = JSON.readTree(api.call("GET", 1, "/data_warehouse/warehouse_status/", null)
                            .body())
                    .path("state")
                    .asText();
            if (FINAL.contains(state)) {
                return;
            }
            Pause.millis(100);
        }
        throw new AssertionError("the warehouse did not reach a final state within 60 s: " + state);
    }

    private static String source(ProjectApi api) throws IOException {
        HttpResponse<String> created =
                api.call("POST", 1, "/external_data_sources/", "{\"source_type\": \"Stripe\", \"prefix\": \"crash_\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asText();
    }

    private Path postgresConfig() {
        String dir = System.getProperty("wharf.config.dir");
        assertThat(dir).as("system property wharf.config.dir").isNotBlank();
        return Path.of(dir, "postgres.yml").toAbsolutePath();
    }

    private Map<String, String> postgresEnvironment(TestDatabase database) {
        Map<String, String> env = WharfProcess.env(
                "WHARF_DATABASE_URL", database.jdbcUrl(),
                "WHARF_DATABASE_USER", database.username(),
                "WHARF_DATABASE_PASSWORD", database.password(),
                "WHARF_BIND_HOST", "127.0.0.1",
                "WHARF_PORT", Integer.toString(port),
                "WHARF_ADMIN_PORT", Integer.toString(port + 1),
                "WHARF_DATA_DIR", workDir.resolve("postgres-data").toString(),
                "WHARF_PG_EMBEDDED", "true",
                "WHARF_WAREHOUSE_PORT", Integer.toString(warehousePort),
                "WHARF_KEY_SECRET", WharfProcess.randomKeySecret(),
                "WHARF_RATE_LIMIT_PER_MINUTE", "100000");
        env.put("JAVA_TOOL_OPTIONS", "-Ddw.provisioning.lease=5s");
        return env;
    }

    private WharfProcess start(Map<String, String> env, String... args) {
        WharfProcess process = WharfProcess.start(workDir, env, args);
        processes.add(process);
        return process;
    }

    private WharfProcess dev(Path data) {
        WharfProcess process =
                WharfProcess.dev(workDir, data, port, warehousePort, Map.of("WHARF_RATE_LIMIT_PER_MINUTE", "100000"));
        processes.add(process);
        return process;
    }
}
