package dev.wharf.bootstrap;

import dev.wharf.adapters.out.provisioning.duckgres.FakeDuckgres;
import dev.wharf.testing.TestDatabase;
import dev.wharf.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real jar on {@code config/postgres.yml}, as production runs it: metadata in a PostgreSQL test database, the
 * duckgres engine played by a fake in this JVM (so a test decides when warehouses become ready and how long a call to
 * it takes), the API on a free port and the admin port next to it. Every process it starts is stopped by {@link
 * #close()}.
 */
final class DuckgresWharf implements AutoCloseable {
    private static final String SECRET = "internal-" + UUID.randomUUID();
    /** The key-hashing secret that generate and every server share: the generated key must work on all of them. */
    private static final String KEY_SECRET = WharfProcess.randomKeySecret();

    private final Path workDir;
    private final FakeDuckgres duckgres = new FakeDuckgres(SECRET, true);
    private final TestDatabase database = TestDatabases.postgres();
    private final List<WharfProcess> processes = new ArrayList<>();
    private final int port = WharfProcess.freePortPair();

    DuckgresWharf(Path workDir) {
        this.workDir = workDir;
    }

    FakeDuckgres duckgres() {
        return duckgres;
    }

    TestDatabase database() {
        return database;
    }

    int port() {
        return port;
    }

    int adminPort() {
        return port + 1;
    }

    /** Starts {@code java -jar wharf.jar <args> config/postgres.yml}. */
    WharfProcess run(String... args) {
        return runOn(port, Map.of(), args);
    }

    /**
     * As {@link #run}, with the API on {@code apiPort} (the admin port next to it) and {@code extra} environment: a
     * second instance on the same database.
     */
    WharfProcess runOn(int apiPort, Map<String, String> extra, String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add(
                Path.of(System.getProperty("wharf.config.dir"), "postgres.yml").toString());
        int warehousePort = WharfProcess.freePortPair();
        Map<String, String> env = WharfProcess.env(
                "WHARF_DATABASE_URL", database.jdbcUrl(),
                "WHARF_DATABASE_USER", database.username(),
                "WHARF_DATABASE_PASSWORD", database.password(),
                "WHARF_BIND_HOST", "127.0.0.1",
                "WHARF_PORT", Integer.toString(apiPort),
                "WHARF_ADMIN_PORT", Integer.toString(apiPort + 1),
                "WHARF_DATA_DIR", workDir.resolve("data").toString(),
                "WHARF_WAREHOUSE_PORT", Integer.toString(warehousePort),
                "WHARF_ENGINE", "duckgres",
                "WHARF_DUCKGRES_URL", duckgres.baseUrl().toString(),
                "WHARF_DUCKGRES_SECRET", SECRET,
                "WHARF_KEY_SECRET", KEY_SECRET);
        env.putAll(extra);
        WharfProcess process = WharfProcess.start(workDir, env, arguments.toArray(String[]::new));
        processes.add(process);
        return process;
    }

    @Override
    public void close() {
        processes.forEach(WharfProcess::close);
        duckgres.close();
        database.close();
    }
}
