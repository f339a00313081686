package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.testing.TestDatabase;
import dev.wharf.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar wharf.jar server|db migrate config/postgres.yml}, run as a real process against a fresh schema on
 * PostgreSQL (skipped without a server, failed under {@code CI=true}: see {@link TestDatabases}).
 */
@Timeout(180)
class ProductionModeIT {
    private static final Duration EXIT = Duration.ofSeconds(60);
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s*at [\\w.$/]+\\(.*\\)\\s*$");

    @TempDir
    Path workDir;

    private final List<WharfProcess> processes = new ArrayList<>();
    private final List<TestDatabase> databases = new ArrayList<>();
    private final String keySecret = WharfProcess.randomKeySecret();
    private Path config;
    private int port;

    @BeforeEach
    void findTheConfiguration() {
        String dir = System.getProperty("wharf.config.dir");
        assertThat(dir).as("system property wharf.config.dir").isNotBlank();
        config = Path.of(dir, "postgres.yml").toAbsolutePath();
        assertThat(Files.isRegularFile(config)).as(config.toString()).isTrue();
        port = WharfProcess.freePortPair();
    }

    @AfterEach
    void stopEverything() {
        processes.forEach(WharfProcess::close);
        databases.forEach(TestDatabase::close);
    }

    @Test
    void anUnreachableDatabaseStopsTheStartWithOneLine() {
        String url = "jdbc:postgresql://127.0.0.1:" + WharfProcess.closedPort() + "/x";

        WharfProcess wharf = run(url, "wharf", "secret", "server", config.toString());

        assertStopsWithOneLine(wharf).startsWith("wharf: cannot connect to the database at " + url);
    }

    @Test
    void anUnmigratedDatabaseStopsTheStartWithOneLine() {
        TestDatabase database = postgres();

        WharfProcess wharf = run(database, "server", config.toString());

        assertStopsWithOneLine(wharf).startsWith("wharf: the database at ").contains(" is not migrated ");
    }

    @Test
    void dbMigrateAppliesEveryMigrationOnceThenNothing() throws IOException {
        TestDatabase database = postgres();
        List<Long> versions;
        try (Stream<Path> files = Files.list(config.getParent()
                .resolve("../adapters/src/main/resources/db/migration")
                .normalize())) {
            versions = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> Long.parseLong(name.substring(1, name.indexOf("__"))))
                    .toList();
        }
        long migrations = versions.size();
        String version = "schema version " + Collections.max(versions);

        WharfProcess first = run(database, "db", "migrate", config.toString());
        assertThat(first.waitFor(EXIT)).as(first.transcript()).isZero();
        assertThat(first.stdout())
                .as(first.transcript())
                .contains("Applied " + migrations + " migration" + (migrations == 1 ? "" : "s") + "; " + version);

        WharfProcess second = run(database, "db", "migrate", config.toString());
        assertThat(second.waitFor(EXIT)).as(second.transcript()).isZero();
        assertThat(second.stdout()).as(second.transcript()).contains("Applied 0 migrations; " + version);
    }

    @Test
    void aMigratedDatabaseServesHealthAndStopsOnSigterm() {
        TestDatabase database = postgres();
        WharfProcess migrate = run(database, "db", "migrate", config.toString());
        assertThat(migrate.waitFor(EXIT)).as(migrate.transcript()).isZero();

        WharfProcess server = run(database, "server", config.toString());
        server.awaitHealthy(port + 1, EXIT);

        server.sendSigterm();
        int exit = server.waitFor(Duration.ofSeconds(30));
        // Observed: 143 (128 + SIGTERM), after the shutdown hooks have stopped Jetty.
        System.out.println("ProductionModeIT: exit code after SIGTERM: " + exit);
        assertThat(exit).as(server.transcript()).isIn(0, 143);
        assertNoStackFrames(server);
    }

    @Test
    void aMissingKeySecretStopsTheStartWithOneLineNamingTheSetting() {
        TestDatabase database = migrated();

        WharfProcess wharf = run(database, Map.of("WHARF_KEY_SECRET", ""), "server", config.toString());

        assertStopsWithOneLine(wharf)
                .startsWith("wharf: auth.keySecret is not set (WHARF_KEY_SECRET in config/postgres.yml)");
    }

    @Test
    void aKeySecretOfFewerThan32BytesStopsTheStartWithoutBeingPrinted() {
        TestDatabase database = migrated();
        String tooShort = keySecret.substring(0, 62);

        WharfProcess wharf = run(database, Map.of("WHARF_KEY_SECRET", tooShort), "server", config.toString());

        assertStopsWithOneLine(wharf)
                .startsWith("wharf: auth.keySecret (WHARF_KEY_SECRET in config/postgres.yml) cannot be used: ")
                .contains("at least 32 random bytes");
        assertThat(Stream.concat(wharf.stdout().stream(), wharf.stderr().stream()))
                .as("the secret is never printed")
                .noneMatch(line -> line.contains(tooShort.substring(0, 16)));
    }

    @Test
    void aKeyCreatedByTheKeyCommandAuthenticatesOnTheServerWithTheSameSecret() throws Exception {
        TestDatabase database = migrated();
        WharfProcess org = run(database, "org", "create", "--name", "Acme", config.toString());
        assertThat(org.waitFor(EXIT)).as(org.transcript()).isZero();
        String orgId = org.stdout().get(0).split(" ")[2];
        WharfProcess user = run(
                database,
                "user",
                "create",
                "--email",
                "ann@example.com",
                "--org",
                orgId,
                "--role",
                "admin",
                config.toString());
        assertThat(user.waitFor(EXIT)).as(user.transcript()).isZero();
        WharfProcess project = run(database, "project", "create", "--org", orgId, "--name", "Web", config.toString());
        assertThat(project.waitFor(EXIT)).as(project.transcript()).isZero();
        WharfProcess created = run(
                database,
                "key",
                "create",
                "--email",
                "ann@example.com",
                "--label",
                "ci",
                "--scopes",
                "*",
                config.toString());
        assertThat(created.waitFor(EXIT)).as(created.transcript()).isZero();
        String key = created.awaitLine("API key: (phx_\\S+)", EXIT).group(1);

        WharfProcess server = run(database, "server", config.toString());
        server.awaitHealthy(port + 1, EXIT);

        assertThat(status(key)).isEqualTo(200);
        assertThat(status("phx_" + "x".repeat(43))).isEqualTo(401);
    }

    private int status(String key) {
        return new ProjectApi(port, key)
                .call("GET", 1, "/external_data_sources/", null)
                .statusCode();
    }

    private TestDatabase migrated() {
        TestDatabase database = postgres();
        WharfProcess migrate = run(database, "db", "migrate", config.toString());
        assertThat(migrate.waitFor(EXIT)).as(migrate.transcript()).isZero();
        return database;
    }

    private TestDatabase postgres() {
        TestDatabase database = TestDatabases.postgres();
        databases.add(database);
        return database;
    }

    private final int warehousePort = WharfProcess.freePortPair();

    private WharfProcess run(TestDatabase database, String... args) {
        return run(database, Map.of(), args);
    }

    private WharfProcess run(TestDatabase database, Map<String, String> extra, String... args) {
        return run(database.jdbcUrl(), database.username(), database.password(), extra, args);
    }

    private WharfProcess run(String url, String user, String password, String... args) {
        return run(url, user, password, Map.of(), args);
    }

    private WharfProcess run(String url, String user, String password, Map<String, String> extra, String... args) {
        Map<String, String> env = WharfProcess.env(
                "WHARF_DATABASE_URL",
                url,
                "WHARF_DATABASE_USER",
                user,
                "WHARF_DATABASE_PASSWORD",
                password,
                "WHARF_BIND_HOST",
                "127.0.0.1",
                "WHARF_PORT",
                Integer.toString(port),
                "WHARF_ADMIN_PORT",
                Integer.toString(port + 1),
                "WHARF_DATA_DIR",
                workDir.resolve("data").toString(),
                "WHARF_WAREHOUSE_PORT",
                Integer.toString(warehousePort),
                "WHARF_KEY_SECRET",
                keySecret);
        env.putAll(extra);
        WharfProcess process = WharfProcess.start(workDir, env, args);
        processes.add(process);
        return process;
    }

    /**
     * Waits for a start that must fail: a non-zero exit, no stack frame anywhere, and one line on standard error,
     * whose assertion is returned for what it must say.
     */
    private static AbstractStringAssert<?> assertStopsWithOneLine(WharfProcess wharf) {
        assertThat(wharf.waitFor(EXIT)).as(wharf.transcript()).isNotZero();
        assertNoStackFrames(wharf);
        return assertThat(nonBlank(wharf.stderr()))
                .as(wharf.transcript())
                .singleElement()
                .asString();
    }

    private static void assertNoStackFrames(WharfProcess wharf) {
        assertThat(Stream.concat(wharf.stdout().stream(), wharf.stderr().stream()))
                .as(wharf.transcript())
                .noneMatch(line -> STACK_FRAME.matcher(line).matches() || line.contains("\tat "));
    }

    private static List<String> nonBlank(List<String> lines) {
        return lines.stream().filter(line -> !line.isBlank()).toList();
    }
}
