package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar wharf.jar dev} and the PostgreSQL server it runs for the warehouses: a warehouse end to end with the
 * JDBC driver and psql, the server's life with Wharf's (SIGTERM, SIGKILL, restart), and a data directory from before
 * the embedded server.
 */
@Timeout(240)
class DevWarehouseServerIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration STOP = Duration.ofSeconds(40);
    private static final String KEY_LINE = "API key: (phx_[A-Za-z0-9_-]{43,})";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    private final List<WharfProcess> processes = new ArrayList<>();
    private Path dataDir;
    private int port;
    private final int warehousePort = WharfProcess.freePortPair();

    @BeforeEach
    void prepare() throws IOException {
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwx--x--x"));
        dataDir = workDir.resolve("data");
        port = WharfProcess.freePortPair();
    }

    @AfterEach
    void stopEverything() {
        processes.forEach(WharfProcess::close);
    }

    @Test
    void aWarehouseWorksWithTheJdbcDriverAndPsqlExactlyAsTheApiDescribesIt() throws Exception {
        WharfProcess wharf = dev();
        ProjectApi api = new ProjectApi(port, wharf.awaitLine(KEY_LINE, START).group(1));
        api.provision(1, "analytics");
        api.awaitState(1, "ready");
        JsonNode connection = status(api).path("connection");
        JsonNode reset = JSON.readTree(
                api.call("POST", 1, "/data_warehouse/reset-password/", null).body());

        assertThat(connection.path("port").asInt()).isEqualTo(warehousePort);
        assertThat(connection.path("sslmode").asText()).isEqualTo("require");
        assertThat(reset.path("username").asText())
                .isEqualTo(connection.path("username").asText());
        try (Connection c = DriverManager.getConnection(
                        connection.path("jdbc_url").asText(),
                        reset.path("username").asText(),
                        reset.path("password").asText());
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(
                        "SELECT current_database(), ssl FROM pg_stat_ssl" + " WHERE pid = pg_backend_pid()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("analytics");
            assertThat(rows.getBoolean(2)).isTrue();
        }
        int linesBefore = wharf.stdout().size() + wharf.stderr().size();

        Psql wrong = psql(connection, "not-the-password", "SELECT 1");

        assertThat(wrong.exit()).isNotZero();
        assertThat(wrong.output())
                .contains("password authentication failed for user \""
                        + connection.path("username").asText() + "\"");
        Pause.millis(500);
        assertThat(wharf.stdout().size() + wharf.stderr().size())
                .as("a failed login writes nothing to Wharf's log: " + wharf.transcript())
                .isEqualTo(linesBefore);
        Psql right = psql(connection, reset.path("password").asText(), "SELECT 40 + 2");
        assertThat(right.output().strip()).as(right.output()).isEqualTo("42");
    }

    @Test
    void theServerStopsWithWharfAndAKilledWharfLeavesNoServerBehind() throws Exception {
        WharfProcess first = dev();
        String key = first.awaitLine(KEY_LINE, START).group(1);
        ProjectApi api = new ProjectApi(port, key);
        api.provision(1, "kept");
        api.awaitState(1, "ready");
        String password = JSON.readTree(api.call("POST", 1, "/data_warehouse/reset-password/", null)
                        .body())
                .path("password")
                .asText();
        long server = serverPid();

        first.sendSigkill();
        first.waitFor(STOP);

        assertThat(exitsWithin(server, Duration.ofSeconds(20)))
                .as("the PostgreSQL server (pid " + server + ") does not outlive a killed Wharf")
                .isTrue();
        WharfProcess second = dev();
        second.awaitLine(KEY_LINE, START);
        api.awaitState(1, "ready");
        Psql login = psql(status(api).path("connection"), password, "SELECT current_user");
        assertThat(login.output().strip()).as(login.output()).isEqualTo("wh_kept");
        long restarted = serverPid();

        second.sendSigterm();
        int exit = second.waitFor(STOP);

        assertThat(exit).as(second.transcript()).isIn(0, 143);
        assertThat(exitsWithin(restarted, Duration.ofSeconds(5))).isTrue();
        assertThat(dataDir.resolve("postgres/data/postmaster.pid")).doesNotExist();
        assertThat(Stream.concat(second.stdout().stream(), second.stderr().stream()))
                .as(second.transcript())
                .noneMatch(line -> line.contains("Exception") || line.contains("\tat "));
    }

    @Test
    void warehousesOfTheRetiredH2EngineAreMarkedFailedAndCanBeDeprovisioned() throws Exception {
        WharfProcess first = dev();
        ProjectApi api = new ProjectApi(port, first.awaitLine(KEY_LINE, START).group(1));
        api.provision(1, "older");
        api.awaitState(1, "ready");
        first.sendSigterm();
        first.waitFor(STOP);
        Files.createDirectories(dataDir.resolve("warehouses"));
        Files.writeString(dataDir.resolve("warehouses/older.mv.db"), "h2 file", StandardCharsets.UTF_8);
        Files.writeString(dataDir.resolve("engine.secret"), "00", StandardCharsets.UTF_8);

        WharfProcess second = dev();
        second.awaitLine(KEY_LINE, START);
        JsonNode failed = status(api);

        assertThat(failed.path("state").asText()).isEqualTo("failed");
        assertThat(failed.path("status_message").asText()).contains("H2 engine").contains("provision it again");
        assertThat(dataDir.resolve("warehouses")).doesNotExist();
        assertThat(dataDir.resolve("warehouses.h2-retired/older.mv.db")).exists();
        assertThat(dataDir.resolve("warehouses.h2-retired/engine.secret")).exists();
        assertThat(api.call("POST", 1, "/data_warehouse/deprovision/", null).statusCode())
                .isEqualTo(202);
        api.awaitState(1, "deleted");
        assertThat(second.stderr()).as(second.transcript()).noneMatch(line -> line.contains("\tat "));
    }

    @Test
    void aHundredIdleUnauthenticatedConnectionsToTheWarehouseServerAddNoThreadToWharf() throws Exception {
        WharfProcess wharf = dev();
        ProjectApi api = new ProjectApi(port, wharf.awaitLine(KEY_LINE, START).group(1));
        wharf.awaitHealthy(port + 1, START);
        Pause.millis(1_000);
        int before = threads(wharf.pid());
        List<java.net.Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                idle.add(new java.net.Socket("127.0.0.1", warehousePort));
            }
            Pause.millis(1_000);
            int during = threads(wharf.pid());

            assertThat(during - before)
                    .as("threads of Wharf's JVM: " + before + " before, " + during + " during")
                    .isLessThanOrEqualTo(2);
            assertThat(api.call("GET", 1, "/data_warehouse/warehouse_status/", null)
                            .statusCode())
                    .isEqualTo(404);
        } finally {
            for (java.net.Socket socket : idle) {
                socket.close();
            }
        }
    }

    /** The number of threads of process {@code pid}, from {@code /proc/<pid>/status}. */
    private static int threads(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("Threads:"))
                .mapToInt(line ->
                        Integer.parseInt(line.substring("Threads:".length()).strip()))
                .findFirst()
                .orElseThrow();
    }

    private WharfProcess dev() {
        WharfProcess process = WharfProcess.dev(workDir, dataDir, port, warehousePort, Map.of());
        processes.add(process);
        return process;
    }

    private static JsonNode status(ProjectApi api) throws IOException {
        return JSON.readTree(
                api.call("GET", 1, "/data_warehouse/warehouse_status/", null).body());
    }

    private long serverPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/data/postmaster.pid"))
                .get(0)
                .strip());
    }

    private static boolean exitsWithin(long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                Pause.millis(100);
            } else {
                return true;
            }
        }
        return false;
    }

    record Psql(int exit, String output) {}

    /** psql (Debian's postgresql-client) with the connection warehouse_status gave, as a user would type it. */
    private static Psql psql(JsonNode connection, String password, String sql) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        "psql",
                        "-X",
                        "-At",
                        "-h",
                        connection.path("host").asText(),
                        "-p",
                        connection.path("port").asText(),
                        "-U",
                        connection.path("username").asText(),
                        "-d",
                        connection.path("database").asText(),
                        "-c",
                        sql)
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        builder.environment().put("PGSSLMODE", connection.path("sslmode").asText());
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Psql(process.exitValue(), output);
    }
}
