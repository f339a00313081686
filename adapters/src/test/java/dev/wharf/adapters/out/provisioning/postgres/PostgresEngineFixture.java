package dev.wharf.adapters.out.provisioning.postgres;

import dev.wharf.application.port.out.warehouse.EngineProgress;
import dev.wharf.application.port.out.warehouse.WarehouseConnection;
import dev.wharf.application.port.out.warehouse.WarehouseEngine;
import dev.wharf.domain.credential.LoginName;
import dev.wharf.domain.credential.Password;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.SchemaName;
import dev.wharf.domain.warehouse.WarehouseTag;
import dev.wharf.testing.TestDatabase;
import dev.wharf.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL engine on the tests' server ({@link TestDatabases#postgres()}, which fails or skips the test when
 * there is none), with every warehouse and login a test makes tracked and removed by {@link #close()}.
 */
final class PostgresEngineFixture implements AutoCloseable {
    private static volatile Boolean passwordsChecked;

    private final TestDatabase server;
    final String adminUrl;
    final String host;
    final int port;
    final PostgresWarehouseEngine engine;
    private final Set<DatabaseName> made = new LinkedHashSet<>();

    PostgresEngineFixture() {
        server = TestDatabases.postgres();
        adminUrl =
                server.jdbcUrl().replaceAll("([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "");
        Properties parsed = org.postgresql.Driver.parseURL(adminUrl, null);
        host = parsed.getProperty("PGHOST").split(",")[0];
        port = Integer.parseInt(parsed.getProperty("PGPORT").split(",")[0]);
        engine = new PostgresWarehouseEngine(settings(adminUrl, Duration.ofSeconds(30)));
    }

    /**
     * The group whose members must log in with SCRAM: `.ci/run` puts {@code host all +wharf_scram_logins 127.0.0.1/32
     * scram-sha-256} first in pg_hba.conf, since the machines' server otherwise trusts every local login. The
     * engine under test puts each warehouse login in it (its loginGroup setting), so password checks can be
     * observed on that server.
     */
    static final String SCRAM_GROUP = "wharf_scram_logins";

    PostgresEngineSettings settings(String url, Duration statementTimeout) {
        return new PostgresEngineSettings(
                url,
                server.username(),
                server.password(),
                host,
                port,
                Duration.ofSeconds(2),
                statementTimeout,
                PostgresEngineSettings.DEFAULT_ROLE_PREFIX,
                SCRAM_GROUP,
                "prefer",
                LoginLimits.DEFAULTS);
    }

    /** The engine, recording every warehouse it is asked to provision so that {@link #close()} removes it. */
    WarehouseEngine tracking() {
        return new WarehouseEngine() {
            @Override
            public String name() {
                return engine.name();
            }

            @Override
            public LoginName loginFor(DatabaseName database) {
                return engine.loginFor(database);
            }

            @Override
            public EngineProgress provision(DatabaseName database, WarehouseTag tag, Optional<SchemaName> schema) {
                track(database);
                return engine.provision(database, tag, schema);
            }

            @Override
            public Password setPassword(DatabaseName database, WarehouseTag tag, Password password) {
                return engine.setPassword(database, tag, password);
            }

            @Override
            public Duration longestPasswordCall() {
                return engine.longestPasswordCall();
            }

            @Override
            public EngineProgress deprovision(DatabaseName database, WarehouseTag tag) {
                return engine.deprovision(database, tag);
            }

            @Override
            public Optional<String> problemWith(DatabaseName database, WarehouseTag tag) {
                return engine.problemWith(database, tag);
            }

            @Override
            public WarehouseConnection connection(DatabaseName database, WarehouseTag tag) {
                return engine.connection(database, tag);
            }
        };
    }

    synchronized void track(DatabaseName database) {
        made.add(database);
    }

    Connection admin() throws SQLException {
        return DriverManager.getConnection(adminUrl, server.username(), server.password());
    }

    void adminExecute(String sql) {
        try (Connection c = admin();
                Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String adminQuery(String sql) {
        try (Connection c = admin();
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A session as {@code user} in {@code database}, through the engine's public connection details. */
    Connection login(DatabaseName database, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(
                engine.connection(database, new WarehouseTag("login " + database))
                        .jdbcUrl(),
                properties);
    }

    boolean canLogIn(DatabaseName database, String user, String password) {
        try (Connection c = login(database, user, password);
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1")) {
            return rows.next() && rows.getInt(1) == 1;
        } catch (SQLException refused) {
            return false;
        }
    }

    /**
     * Fails (CI) or skips the test unless the server checks passwords: with {@code trust} authentication every login
     * succeeds, so nothing about passwords can be observed.
     */
    void requirePasswordsChecked() {
        if (passwordsChecked == null) {
            passwordsChecked = probePasswords();
        }
        if (passwordsChecked) {
            return;
        }
        String message = "the PostgreSQL server at " + host + ":" + port + " accepts logins without checking"
                + " passwords (pg_hba.conf 'trust'), so the password behaviour cannot be tested: run .ci/run once"
                + " (it requires SCRAM for members of " + SCRAM_GROUP + "), or point WHARF_TEST_POSTGRES_URL at a"
                + " server with scram-sha-256 authentication";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    private boolean probePasswords() {
        DatabaseName probe = new DatabaseName("password-probe-" + Long.toHexString(System.nanoTime()));
        track(probe);
        engine.provision(probe, new WarehouseTag("password probe"));
        return !canLogIn(probe, engine.loginFor(probe).value(), "not-the-password");
    }

    @Override
    public void close() {
        try {
            for (DatabaseName database : made) {
                String role = engine.loginFor(database).value();
                adminExecute("DROP DATABASE IF EXISTS " + Sql.identifier(database.value()) + " WITH (FORCE)");
                adminExecute("DROP ROLE IF EXISTS " + Sql.identifier(role));
            }
        } finally {
            server.close();
        }
    }
}
