package dev.wharf.adapters.out.provisioning.postgres.embedded;

import dev.wharf.adapters.out.provisioning.postgres.LoginLimits;
import dev.wharf.adapters.out.provisioning.postgres.PostgresEngineSettings;
import dev.wharf.adapters.out.provisioning.postgres.PostgresWarehouseEngine;
import dev.wharf.application.port.out.warehouse.EngineProgress;
import dev.wharf.domain.credential.Password;
import dev.wharf.domain.credential.SecureRandomPasswordGenerator;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.SchemaName;
import dev.wharf.domain.warehouse.WarehouseTag;
import dev.wharf.testing.EmbeddedServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The PostgreSQL engine as dev mode builds it (TLS required, the default login limits) on the test JVM's shared
 * embedded server, with helpers to make a ready warehouse and to log in as its user would.
 */
final class EmbeddedWarehouses {
    private static EmbeddedWarehouses shared;

    final EmbeddedPostgres server;
    private final PostgresWarehouseEngine engine;

    private EmbeddedWarehouses(EmbeddedPostgres server, LoginLimits limits) {
        this.server = server;
        this.engine = new PostgresWarehouseEngine(new PostgresEngineSettings(
                server.adminJdbcUrl(),
                EmbeddedPostgres.ADMIN,
                server.adminPassword(),
                "127.0.0.1",
                server.port(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                PostgresEngineSettings.DEFAULT_ROLE_PREFIX,
                null,
                "require",
                limits));
    }

    static synchronized EmbeddedWarehouses shared() {
        if (shared == null) {
            shared = new EmbeddedWarehouses(EmbeddedServers.shared(), LoginLimits.DEFAULTS);
        }
        return shared;
    }

    /** The engine on the shared server with other limits. */
    static EmbeddedWarehouses withLimits(LoginLimits limits) {
        return new EmbeddedWarehouses(EmbeddedServers.shared(), limits);
    }

    PostgresWarehouseEngine engine() {
        return engine;
    }

    /** A ready warehouse with a password set: what a user has after provision and reset-password. */
    Ready ready(String prefix) {
        return ready(prefix, Optional.empty());
    }

    /** As {@link #ready(String)}, with the schema the project chose. */
    Ready ready(String prefix, Optional<SchemaName> schema) {
        DatabaseName name =
                new DatabaseName(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        EngineProgress progress = engine.provision(name, tagOf(name), schema);
        if (!progress.isDone()) {
            throw new IllegalStateException("provision did not finish: " + progress);
        }
        Password password = engine.setPassword(name, tagOf(name), new SecureRandomPasswordGenerator().generate());
        return new Ready(
                name,
                engine.loginFor(name).value(),
                password.reveal(),
                engine.connection(name, tagOf(name)).jdbcUrl());
    }

    /** The tag {@link #ready} provisions a warehouse under. */
    WarehouseTag tagOf(DatabaseName name) {
        return new WarehouseTag("test warehouse " + name);
    }

    boolean canLogIn(DatabaseName database, String user, String password) {
        try (Connection c = login(engine.connection(database, tagOf(database)).jdbcUrl(), user, password);
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1")) {
            return rows.next() && rows.getInt(1) == 1;
        } catch (SQLException refused) {
            return false;
        }
    }

    static Connection login(String jdbcUrl, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** A warehouse as its user sees it: the database, the login, the password and the JDBC URL from the engine. */
    record Ready(DatabaseName database, String user, String password, String jdbcUrl) {
        Connection connect() throws SQLException {
            return login(jdbcUrl, user, password);
        }
    }
}
