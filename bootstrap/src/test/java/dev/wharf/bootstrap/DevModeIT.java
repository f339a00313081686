package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar wharf.jar dev}, run as a real process in a temporary data directory. */
@Timeout(180)
class DevModeIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(30);
    /** A generated key: phx_ and 43 characters (32 random bytes in URL-safe base64). */
    private static final String KEY_LINE = "API key: (phx_[A-Za-z0-9_-]{43,})";

    @TempDir
    Path workDir;

    private final List<WharfProcess> processes = new ArrayList<>();
    private Path dataDir;
    private int port;

    @BeforeEach
    void choosePortsAndDataDirectory() throws IOException {
        // The warehouse server runs as nobody when the tests run as root: it must pass through the directories above.
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwx--x--x"));
        dataDir = workDir.resolve("data");
        port = WharfProcess.freePortPair();
    }

    @AfterEach
    void stopEverything() {
        processes.forEach(WharfProcess::close);
    }

    @Test
    void firstStartPrintsTheKeyKeepsItInAnOwnerOnlyFileAndIsHealthy() throws IOException {
        WharfProcess wharf = dev(Map.of());

        String key = wharf.awaitLine(KEY_LINE, START).group(1);

        Path keyFile = dataDir.resolve("dev-api-key");
        assertThat(Files.readString(keyFile, StandardCharsets.UTF_8).strip()).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        Path keySecret = dataDir.resolve("key.secret");
        assertThat(Files.readString(keySecret, StandardCharsets.US_ASCII)).matches("[0-9a-f]{64}\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keySecret)))
                .isEqualTo("rw-------");
        String secret = Files.readString(keySecret).strip();
        assertThat(wharf.stdout()).noneMatch(line -> line.contains(secret));
        HttpResponse<String> health = wharf.awaitHealthy(port + 1, START);
        JsonNode checks = new ObjectMapper().readTree(health.body());
        assertThat(checks.path("metadata").path("healthy").asBoolean())
                .as(health.body())
                .isTrue();
    }

    @Test
    void restartKeepsTheDataTheKeyAndTheSecretItIsHashedUnder() throws Exception {
        WharfProcess first = dev(Map.of());
        String key = first.awaitLine(KEY_LINE, START).group(1);
        first.sendSigterm();
        first.waitFor(STOP);
        assertThat(Files.isRegularFile(dataDir.resolve("wharf.mv.db"))).isTrue();
        long[] afterFirstStart = devRows();
        assertThat(afterFirstStart).containsExactly(1, 1, 1, 1);
        String keySecret = Files.readString(dataDir.resolve("key.secret"));

        WharfProcess second = dev(Map.of());

        assertThat(second.awaitLine(KEY_LINE, START).group(1)).isEqualTo(key);
        second.awaitHealthy(port + 1, START);
        assertThat(statusWith(key)).as("the key works after the restart").isEqualTo(200);
        assertThat(statusWith("phx_" + "x".repeat(43))).isEqualTo(401);
        assertThat(Files.readString(dataDir.resolve("key.secret"))).isEqualTo(keySecret);
        second.sendSigterm();
        second.waitFor(STOP);
        assertThat(devRows()).containsExactly(afterFirstStart);
    }

    @Test
    void aDeletedKeySecretStopsTheNextStartWithOneLineInsteadOfBeingReplaced() throws IOException {
        WharfProcess first = dev(Map.of());
        first.awaitLine(KEY_LINE, START);
        first.sendSigterm();
        first.waitFor(STOP);
        Files.delete(dataDir.resolve("key.secret"));

        WharfProcess second = dev(Map.of());
        int exit = second.waitFor(STOP);

        assertThat(exit).as(second.transcript()).isNotZero();
        assertThat(nonBlank(second.stderr()))
                .as(second.transcript())
                .singleElement()
                .asString()
                .startsWith("wharf: the key-hashing secret file " + dataDir.resolve("key.secret"))
                .contains("is missing");
        assertThat(dataDir.resolve("key.secret")).doesNotExist();
    }

    @Test
    void aKeyChosenInTheEnvironmentIsUsedAndPrinted() throws IOException {
        String chosen = "phx_" + "abcdefghijKLMNOPQRST0123456789-_abcdefgh";
        assertThat(chosen).hasSize(44);

        WharfProcess wharf = dev(Map.of("WHARF_DEV_API_KEY", chosen));

        assertThat(wharf.awaitLine("API key: (.*)", START).group(1)).isEqualTo(chosen);
        assertThat(Files.readString(dataDir.resolve("dev-api-key")).strip()).isEqualTo(chosen);
    }

    @Test
    void theRateLimitComesFromTheEnvironment() throws Exception {
        WharfProcess wharf = dev(Map.of("WHARF_RATE_LIMIT_PER_MINUTE", "2"));
        String key = wharf.awaitLine(KEY_LINE, START).group(1);

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                            + "/api/projects/1/data_warehouse/reset-password/"))
                                    .header("Authorization", "Bearer " + key)
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()));
        }

        assertThat(answers)
                .allSatisfy(answer -> assertThat(answer.headers().firstValue("X-RateLimit-Limit"))
                        .hasValue("2"));
        assertThat(answers.get(0).statusCode()).isEqualTo(404);
        boolean sameWindow = answers.get(2)
                .headers()
                .firstValue("X-RateLimit-Reset")
                .equals(answers.get(1).headers().firstValue("X-RateLimit-Reset"));
        assertThat(answers.get(2).statusCode()).as("the third call of a window").isEqualTo(sameWindow ? 429 : 404);
    }

    @Test
    void anInvalidChosenKeyStopsTheStartWithOneLine() {
        WharfProcess wharf = dev(Map.of("WHARF_DEV_API_KEY", "phx_tooshort"));

        int exit = wharf.waitFor(STOP);

        assertThat(exit).as(wharf.transcript()).isNotZero();
        assertThat(nonBlank(wharf.stderr()))
                .as(wharf.transcript())
                .singleElement()
                .asString()
                .startsWith("wharf: WHARF_DEV_API_KEY");
        assertThat(wharf.stderr()).as(wharf.transcript()).noneMatch(line -> line.contains("\tat "));
    }

    @Test
    void aSecondDevServerOnTheSamePortsExitsAndLeavesTheFirstRunning() {
        WharfProcess first = dev(Map.of());
        first.awaitLine(KEY_LINE, START);

        WharfProcess second = dev(Map.of());
        int exit = second.waitFor(STOP);

        assertThat(exit).as(second.transcript()).isNotZero();
        assertThat(second.stderr())
                .as(second.transcript())
                .anyMatch(line -> line.startsWith("wharf: port " + port) && line.contains("is already in use"));
        assertThat(first.isAlive()).isTrue();
        first.awaitHealthy(port + 1, Duration.ofSeconds(10));
    }

    @Test
    void sigintStopsTheServerCleanly() {
        WharfProcess wharf = dev(Map.of());
        wharf.awaitLine(KEY_LINE, START);
        assertThat(wharf.ignoresSigint())
                .as("WharfProcess starts Wharf with SIGINT at its default action, even from a build that ignores it")
                .isNotEqualTo(Optional.of(true));

        wharf.sendSigint();
        int exit = wharf.waitFor(STOP);

        // Observed: 130 (128 + SIGINT). The JVM runs its shutdown hooks (Dropwizard stops Jetty and the pool) and
        // then exits with the signal's conventional status; 0 would also be a clean stop.
        System.out.println("DevModeIT: exit code after SIGINT: " + exit);
        assertThat(exit).as(wharf.transcript()).isIn(0, 130);
        assertThat(Stream.concat(wharf.stdout().stream(), wharf.stderr().stream()))
                .as(wharf.transcript())
                .noneMatch(line -> line.contains("Exception"));
    }

    private final int warehousePort = WharfProcess.freePortPair();

    private int statusWith(String key) {
        return new ProjectApi(port, key)
                .call("GET", 1, "/external_data_sources/", null)
                .statusCode();
    }

    private WharfProcess dev(Map<String, String> extra) {
        Map<String, String> env = WharfProcess.env(
                "WHARF_DATA_DIR", dataDir.toString(),
                "WHARF_PORT", Integer.toString(port),
                "WHARF_WAREHOUSE_PORT", Integer.toString(warehousePort));
        env.putAll(extra);
        WharfProcess process = WharfProcess.start(workDir, env, "dev");
        processes.add(process);
        return process;
    }

    /** Organisations, projects, users and API keys in the dev H2 file (only while no server holds it). */
    private long[] devRows() throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("wharf")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE";
        String[] tables = {"organization", "project", "app_user", "personal_api_key"};
        long[] counts = new long[tables.length];
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            for (int i = 0; i < tables.length; i++) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + tables[i])) {
                    rows.next();
                    counts[i] = rows.getLong(1);
                }
            }
        }
        return counts;
    }

    private static List<String> nonBlank(List<String> lines) {
        return lines.stream().filter(line -> !line.isBlank()).toList();
    }
}
