package dev.wharf.adapters.out.provisioning.postgres;

import static dev.wharf.adapters.out.provisioning.postgres.PostgresFailures.unavailable;
import static dev.wharf.adapters.out.provisioning.postgres.PostgresFailures.unavailableWithoutCause;

import dev.wharf.application.port.out.warehouse.EngineProgress;
import dev.wharf.application.port.out.warehouse.WarehouseConnection;
import dev.wharf.application.port.out.warehouse.WarehouseEngine;
import dev.wharf.domain.credential.LoginName;
import dev.wharf.domain.credential.Password;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.shared.BackendUnavailableException.Reason;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.SchemaName;
import dev.wharf.domain.warehouse.WarehouseTag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.util.PasswordUtil;

/**
 * Warehouses as databases on a PostgreSQL server (14 or later), administered through an admin connection that may
 * point at a different server from Wharf's own metadata database.
 *
 * <p>The admin role needs {@code CREATEDB} and {@code CREATEROLE} (a superuser works too). It makes itself a member
 * of every warehouse login it creates, which PostgreSQL requires before it may create a database owned by that login,
 * end the login's sessions or drop it.
 *
 * <p>Each warehouse gets a login role ({@link RoleNames}) that owns the warehouse's database; {@code CONNECT} on that
 * database is revoked from {@code PUBLIC} and granted to the login only, so no other warehouse's login can enter it.
 * The login has no password until {@link #setPassword}, which stores a SCRAM-SHA-256 verifier computed here: the
 * plaintext never leaves this JVM, so it cannot reach the server's log either.
 *
 * <p>Every operation opens a fresh admin connection: they are rare (a provision, a reset, a deprovision), a
 * connection costs a few milliseconds, and no pooled session can carry state or a broken socket from one to the next.
 * Each one is idempotent: it checks {@code pg_roles} and {@code pg_database} before creating, and tolerates a
 * concurrent worker that created the same object first.
 */
public final class PostgresWarehouseEngine implements WarehouseEngine {
    private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

    private static final int PASSWORD_STATEMENTS = 4;

    private final PostgresEngineSettings settings;

    public PostgresWarehouseEngine(PostgresEngineSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "postgres";
    }

    /**
     * A connect, then {@value #PASSWORD_STATEMENTS} statements (the session's settings, the role lookup, {@code ALTER
     * ROLE}, ending the role's sessions), each bounded by the socket timeout.
     */
    @Override
    public Duration longestPasswordCall() {
        return Duration.ofSeconds(
                ceilSeconds(settings.connectTimeout()) + PASSWORD_STATEMENTS * socketTimeoutSeconds());
    }

    @Override
    public LoginName loginFor(DatabaseName database) {
        return RoleNames.roleFor(settings.rolePrefix(), database);
    }

    @Override
    public EngineProgress provision(DatabaseName database, WarehouseTag tag, Optional<SchemaName> schema) {
        String role = loginFor(database).value();
        try (Connection c = admin()) {
            Optional<String> roleTag = tagOfRole(c, role);
            if (roleTag.isPresent() && !roleTag.get().equals(tag.value())) {
                return loginNotOurs(database, role);
            }
            Optional<DatabaseFacts> existing = DatabaseFacts.read(c, database);
            if (existing.isPresent() && !existing.get().madeFor(role)) {
                return notOurs(database);
            }
            if (roleTag.isEmpty() && !createRole(c, role, tag)) {
                return loginNotOurs(database, role);
            }
            becomeMemberOf(c, role);
            execute(c, "ALTER ROLE " + Sql.identifier(role) + " LOGIN");
            EngineProgress limited = applyLimits(c, role);
            if (limited != null) {
                return limited;
            }
            if (existing.isEmpty()) {
                executeIgnoring(
                        c,
                        "CREATE DATABASE " + Sql.identifier(database.value()) + " OWNER " + Sql.identifier(role),
                        PostgresFailures.DUPLICATE_DATABASE);
                existing = DatabaseFacts.read(c, database);
                if (existing.isEmpty() || !existing.get().madeFor(role)) {
                    return notOurs(database);
                }
            }
            if (existing.get().tag() == null) {
                execute(
                        c,
                        "COMMENT ON DATABASE " + Sql.identifier(database.value()) + " IS " + Sql.literal(tag.value()));
            }
            joinLoginGroup(c, role);
            execute(c, "REVOKE CONNECT ON DATABASE " + Sql.identifier(database.value()) + " FROM PUBLIC");
            execute(c, "GRANT CONNECT ON DATABASE " + Sql.identifier(database.value()) + " TO " + Sql.identifier(role));
            if (schema.isPresent()) {
                createSchema(database, role, schema.get());
                execute(
                        c,
                        "ALTER ROLE " + Sql.identifier(role) + " SET search_path = "
                                + Sql.identifier(schema.get().value()));
            }
            return EngineProgress.done();
        } catch (SQLException e) {
            throw unavailable("provision", database, e);
        }
    }

    /**
     * Creates the login and marks it with the warehouse's tag in one transaction, so that a crash never leaves an
     * unmarked login of ours behind. Returns false when another worker created a login of that name first and it is
     * not marked for this warehouse.
     */
    private static boolean createRole(Connection c, String role, WarehouseTag tag) throws SQLException {
        c.setAutoCommit(false);
        try {
            execute(
                    c,
                    "CREATE ROLE " + Sql.identifier(role) + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
                            + " NOREPLICATION NOBYPASSRLS PASSWORD NULL");
            execute(c, "COMMENT ON ROLE " + Sql.identifier(role) + " IS " + Sql.literal(tag.value()));
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            if (!PostgresFailures.DUPLICATE_OBJECT.equals(e.getSQLState())) {
                throw e;
            }
        } finally {
            c.setAutoCommit(true);
        }
        return tagOfRole(c, role).filter(tag.value()::equals).isPresent();
    }

    /**
     * Creates {@code schema} in the warehouse's database, owned by its login, unless it is there already; one the login
     * does not own (made by hand since) is given to it, since the database and all in it are the login's.
     */
    private void createSchema(DatabaseName database, String role, SchemaName schema) throws SQLException {
        try (Connection inside = admin(database.value())) {
            executeIgnoring(
                    inside,
                    "CREATE SCHEMA IF NOT EXISTS " + Sql.identifier(schema.value()) + " AUTHORIZATION "
                            + Sql.identifier(role),
                    PostgresFailures.DUPLICATE_SCHEMA);
            execute(inside, "ALTER SCHEMA " + Sql.identifier(schema.value()) + " OWNER TO " + Sql.identifier(role));
        }
    }

    /**
     * Puts the configured limits on the login; a server that refuses one to the admin role fails the provision with
     * a message naming the setting, rather than handing out a warehouse without it.
     */
    private EngineProgress applyLimits(Connection c, String role) throws SQLException {
        for (LoginLimits.Statement limit : settings.limits().statements(Sql.identifier(role))) {
            try {
                execute(c, limit.sql());
            } catch (SQLException e) {
                if (PostgresFailures.INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                    return EngineProgress.failed("the postgres engine's admin role may not set " + limit.setting()
                            + " on warehouse logins: grant it that right, or turn the limit off in"
                            + " engine.postgres.limits");
                }
                throw e;
            }
        }
        return null;
    }

    /** Puts the login in the configured group (creating the group once), so pg_hba.conf can demand its password. */
    private void joinLoginGroup(Connection c, String role) throws SQLException {
        String group = settings.loginGroup();
        if (group == null) {
            return;
        }
        if (!roleExists(c, group)) {
            executeIgnoring(c, "CREATE ROLE " + Sql.identifier(group) + " NOLOGIN", PostgresFailures.DUPLICATE_OBJECT);
        }
        execute(c, "GRANT " + Sql.identifier(group) + " TO " + Sql.identifier(role));
    }

    @Override
    public Password setPassword(DatabaseName database, WarehouseTag tag, Password password) {
        String role = loginFor(database).value();
        char[] plain = password.reveal().toCharArray();
        String verifier;
        try {
            verifier = PasswordUtil.encodeScramSha256(plain);
        } finally {
            Arrays.fill(plain, '\0');
        }
        try (Connection c = admin()) {
            if (!roleExists(c, role)) {
                throw missing(database);
            }
            // Checked first so that the usual miss never reaches the server's error log with the statement.
            try (Statement alter = c.createStatement()) {
                alter.execute("ALTER ROLE " + Sql.identifier(role) + " PASSWORD " + Sql.literal(verifier));
            } catch (SQLException e) {
                if (PostgresFailures.UNDEFINED_OBJECT.equals(e.getSQLState())) {
                    throw missing(database);
                }
                throw unavailableWithoutCause("set the password of", database, e);
            }
            endSessions(c, role, null);
        } catch (SQLException e) {
            throw unavailable("set the password of", database, e);
        }

        return password;
    }

    @Override
    public EngineProgress deprovision(DatabaseName database, WarehouseTag tag) {
        String role = loginFor(database).value();
        try (Connection c = admin()) {
            // A login with no tag was made by a Wharf from before tags (or by hand with Wharf's prefix): removed as
            // before. One tagged for another warehouse is that warehouse's, and stays.
            boolean login = tagOfRole(c, role)
                    .filter(t -> t.isEmpty() || t.equals(tag.value()))
                    .isPresent();
            boolean ours = login
                    && DatabaseFacts.read(c, database)
                            .filter(facts -> facts.madeFor(role))
                            .isPresent();
            if (login) {
                becomeMemberOf(c, role);
                execute(c, "ALTER ROLE " + Sql.identifier(role) + " NOLOGIN");
            }
            endSessions(c, login ? role : null, ours ? database.value() : null);
            if (ours) {
                execute(c, "DROP DATABASE IF EXISTS " + Sql.identifier(database.value()) + " WITH (FORCE)");
            }
            if (login) {
                try {
                    execute(c, "DROP ROLE IF EXISTS " + Sql.identifier(role));
                } catch (SQLException e) {
                    if (PostgresFailures.DEPENDENT_OBJECTS_STILL_EXIST.equals(e.getSQLState())) {
                        return EngineProgress.failed("the login of warehouse " + database + " still owns objects or"
                                + " privileges outside its database on the postgres engine");
                    }
                    throw e;
                }
            }
            return EngineProgress.done();
        } catch (SQLException e) {
            throw unavailable("deprovision", database, e);
        }
    }

    @Override
    public Optional<String> problemWith(DatabaseName database, WarehouseTag tag) {
        String role = loginFor(database).value();
        try (Connection c = admin()) {
            Optional<String> login = tagOfRole(c, role);
            if (login.isEmpty()) {
                return Optional.of("The warehouse's login " + role + " no longer exists on the postgres engine");
            }
            if (!login.get().isEmpty() && !login.get().equals(tag.value())) {
                return Optional.of("The login " + role + " on the postgres engine now belongs to another warehouse");
            }
            Optional<DatabaseFacts> facts = DatabaseFacts.read(c, database);
            if (facts.isEmpty()) {
                return Optional.of("The warehouse's database " + database + " no longer exists on the postgres engine");
            }
            if (facts.get().invalid()) {
                return Optional.of("The warehouse's database " + database + " is invalid on the postgres engine (a"
                        + " DROP DATABASE did not finish): deprovision it");
            }
            if (!facts.get().madeFor(role)) {
                return Optional.of("The database " + database + " on the postgres engine no longer belongs to the"
                        + " warehouse's login " + role);
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw unavailable("check", database, e);
        }
    }

    @Override
    public WarehouseConnection connection(DatabaseName database, WarehouseTag tag) {
        String host =
                settings.publicHost().contains(":") && !settings.publicHost().startsWith("[")
                        ? "[" + settings.publicHost() + "]"
                        : settings.publicHost();
        String url = "jdbc:postgresql://" + host + ":" + settings.publicPort() + "/" + database.value() + "?sslmode="
                + settings.sslMode();
        return new WarehouseConnection(
                settings.publicHost(),
                settings.publicPort(),
                database.value(),
                loginFor(database).value(),
                url,
                settings.sslMode());
    }

    /**
     * Healthy when the admin connection opens and its role can still create (and so drop) logins and databases: an
     * admin role that lost those can manage none of the warehouses.
     */
    @Override
    public void ping() {
        boolean able;
        try (Connection c = admin();
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery("SELECT rolsuper OR (rolcreaterole AND rolcreatedb)"
                        + " FROM pg_roles WHERE rolname = current_user")) {
            able = rows.next() && rows.getBoolean(1);
        } catch (SQLException e) {
            throw unavailable("reach the server of", HEALTH_PROBE, e);
        }
        if (!able) {
            throw new BackendUnavailableException(
                    Reason.UNREACHABLE,
                    "the postgres engine's admin role " + settings.adminUser()
                            + " can no longer create logins and databases (it needs CREATEROLE and CREATEDB)",
                    null);
        }
    }

    private static final DatabaseName HEALTH_PROBE = new DatabaseName("health-check");

    /**
     * A fresh admin connection. {@code connectTimeout} bounds the TCP connect; {@code socketTimeout} (the statement
     * timeout plus the connect timeout) bounds a server that stops answering, and is longer than
     * {@code statement_timeout} so that a slow statement is cancelled by the server, cleanly, first. The driver's
     * {@code loginTimeout} is not used: it runs each connect on an extra thread and reports a timeout with the same
     * SQLState as a refused connection; the socket timeout already covers a server that accepts and then stays silent.
     */
    private Connection admin() throws SQLException {
        return admin(null);
    }

    /**
     * A fresh admin connection to {@code database} on the same server (null: the database of {@code adminJdbcUrl}),
     * with the URL's other parameters (TLS, say) kept.
     */
    private Connection admin(String database) throws SQLException {
        String url = settings.adminJdbcUrl();
        Properties properties = new Properties();
        if (database != null) {
            Properties parsed = org.postgresql.Driver.parseURL(url, null);
            if (parsed == null) {
                throw new IllegalStateException("adminJdbcUrl is not a PostgreSQL JDBC URL");
            }
            url = "jdbc:postgresql://" + hostsOf(parsed) + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
            for (String key : parsed.stringPropertyNames()) {
                if (!key.equals("PGHOST") && !key.equals("PGPORT") && !key.equals("PGDBNAME")) {
                    properties.setProperty(key, parsed.getProperty(key));
                }
            }
        }
        properties.setProperty("user", settings.adminUser());
        if (!settings.adminPassword().isEmpty()) {
            properties.setProperty("password", settings.adminPassword());
        }
        properties.setProperty("connectTimeout", Long.toString(ceilSeconds(settings.connectTimeout())));
        properties.setProperty("socketTimeout", Long.toString(socketTimeoutSeconds()));
        properties.setProperty("ApplicationName", "wharf-postgres-engine");
        Connection c = DRIVER.connect(url, properties);
        if (c == null) {
            throw new IllegalStateException("adminJdbcUrl is not a PostgreSQL JDBC URL");
        }
        try (Statement session = c.createStatement()) {
            session.execute("SET statement_timeout = "
                    + Math.max(1, settings.statementTimeout().toMillis())
                    + "; SET password_encryption = 'scram-sha-256'; SET standard_conforming_strings = on");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** {@code host:port[,host:port…]} from the driver's parse of a URL. */
    private static String hostsOf(Properties parsed) {
        String[] hosts = parsed.getProperty("PGHOST").split(",", -1);
        String[] ports = parsed.getProperty("PGPORT").split(",", -1);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < hosts.length; i++) {
            String host = hosts[i].contains(":") && !hosts[i].startsWith("[") ? "[" + hosts[i] + "]" : hosts[i];
            joined.append(i == 0 ? "" : ",").append(host).append(':').append(ports[Math.min(i, ports.length - 1)]);
        }
        return joined.toString();
    }

    private static EngineProgress loginNotOurs(DatabaseName database, String role) {
        return EngineProgress.failed("a login named " + role + " already exists on the postgres engine and was not"
                + " created for this warehouse, so it is left alone: choose another database name than " + database);
    }

    private static NotFoundException missing(DatabaseName database) {
        return new NotFoundException("warehouse " + database + " has no login on the postgres engine");
    }

    private static EngineProgress notOurs(DatabaseName database) {
        return EngineProgress.failed("a database named " + database + " already exists on the postgres engine and was"
                + " not created for this warehouse, so it is left alone: choose another database name");
    }

    private long socketTimeoutSeconds() {
        return ceilSeconds(settings.statementTimeout()) + ceilSeconds(settings.connectTimeout());
    }

    private static long ceilSeconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    /** The tag on {@code role} ("" when it has none), or empty when there is no such role. */
    private static Optional<String> tagOfRole(Connection c, String role) throws SQLException {
        try (PreparedStatement find = c.prepareStatement(
                "SELECT coalesce(shobj_description(oid, 'pg_authid'), '') FROM pg_roles WHERE rolname = ?")) {
            find.setString(1, role);
            try (ResultSet rows = find.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private static boolean roleExists(Connection c, String role) throws SQLException {
        try (PreparedStatement find = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            find.setString(1, role);
            try (ResultSet rows = find.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Grants the login to the admin unless the admin already has its privileges (always true for a superuser). */
    private static void becomeMemberOf(Connection c, String role) throws SQLException {
        try (PreparedStatement check = c.prepareStatement("SELECT pg_has_role(current_user, ?, 'USAGE')")) {
            check.setString(1, role);
            try (ResultSet rows = check.executeQuery()) {
                if (rows.next() && rows.getBoolean(1)) {
                    return;
                }
            }
        }
        execute(c, "GRANT " + Sql.identifier(role) + " TO CURRENT_USER");
    }

    /** Ends the sessions of {@code role} and, when given, every session in {@code database}, waiting for each. */
    private void endSessions(Connection c, String role, String database) throws SQLException {
        try (PreparedStatement end = c.prepareStatement("SELECT pg_terminate_backend(pid, ?) FROM pg_stat_activity"
                + " WHERE (usename = ? OR datname = ?) AND pid <> pg_backend_pid()")) {
            end.setLong(1, Math.max(1, settings.statementTimeout().toMillis() / 2));
            end.setString(2, role);
            end.setString(3, database);
            end.execute();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Runs {@code sql}, treating {@code sqlState} (another worker got there first) as success. */
    private static void executeIgnoring(Connection c, String sql, String sqlState) throws SQLException {
        try {
            execute(c, sql);
        } catch (SQLException e) {
            if (!sqlState.equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
