package dev.wharf.adapters.out.provisioning.h2;

import dev.wharf.application.port.out.EngineProgress;
import dev.wharf.application.port.out.WarehouseConnection;
import dev.wharf.application.port.out.WarehouseEngine;
import dev.wharf.domain.credential.LoginName;
import dev.wharf.domain.credential.Password;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.warehouse.DatabaseName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.h2.api.ErrorCode;
import org.h2.tools.DeleteDbFiles;

/**
 * Warehouses as H2 database files in {@code <dataDir>/warehouses/<name>.mv.db}, served in-process over the
 * PostgreSQL wire protocol and H2's TCP protocol.
 *
 * <p>Each file has two logins. {@code root} is the user's: it may create schemas and tables and use every table, but
 * is not an H2 administrator, because an H2 administrator can run Java code and read files inside this JVM. The
 * administrator is {@code wharf_engine}, whose password is derived from the engine's secret; the engine uses it to set
 * root's password and to shut the database down.
 *
 * <p>Every connection, the engine's and the servers', opens the file with {@link #H2_SETTINGS}: H2 fixes
 * {@code DATABASE_TO_LOWER} when it opens a file, and a file created with one value cannot be opened with the other
 * ("Schema public not found"). The PostgreSQL-wire server always uses these settings; TCP clients must name them.
 */
public final class H2WarehouseEngine implements WarehouseEngine {
    /** What H2's PostgreSQL-wire server puts in every connection; the engine and TCP clients must match it. */
    public static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    static final String ROOT = "root";
    static final String ENGINE_LOGIN = "wharf_engine";
    private static final LoginName ROOT_LOGIN = new LoginName(ROOT);
    // H2 upper-cases the user name of a connection, and DATABASE_TO_LOWER would fold an unquoted name to lower case.
    private static final String ROOT_SQL = "\"ROOT\"";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final org.h2.Driver DRIVER = org.h2.Driver.load();

    private static final Duration IN_PROCESS_CALL = Duration.ofSeconds(10);

    private final H2EngineSettings settings;
    private final Path warehouses;
    private final H2Servers servers;
    private volatile EngineSecret secret;
    private volatile Path realWarehouses;

    public H2WarehouseEngine(H2EngineSettings settings) {
        this.settings = settings;
        this.warehouses =
                settings.dataDir().resolve("warehouses").toAbsolutePath().normalize();
        this.servers = new H2Servers(settings);
    }

    /** Creates the directories and the engine secret if needed, then starts both servers. */
    public synchronized void start() {
        try {
            Files.createDirectories(warehouses);
            realWarehouses = warehouses.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the H2 warehouse directory " + warehouses, e);
        }
        secret = EngineSecret.loadOrCreate(settings.dataDir().resolve("engine.secret"));
        servers.start(realWarehouses);
    }

    /** Stops both servers, which closes their sessions. */
    public synchronized void stop() {
        servers.stop();
    }

    /** Whether both servers are listening. */
    public boolean isRunning() {
        return servers.running();
    }

    /** Healthy while both servers are up: that is all the embedded engine needs. */
    @Override
    public void ping() {
        if (!isRunning()) {
            throw new BackendUnavailableException(
                    BackendUnavailableException.Reason.UNREACHABLE, "the H2 warehouse servers are not running", null);
        }
    }

    @Override
    public String name() {
        return "h2";
    }

    /** In process, over a local connection: nothing waits on a network. */
    @Override
    public Duration longestPasswordCall() {
        return IN_PROCESS_CALL;
    }

    @Override
    public LoginName loginFor(DatabaseName database) {
        return ROOT_LOGIN;
    }

    @Override
    public EngineProgress provision(DatabaseName database) {
        try (Connection c = open(database, true)) {
            try (PreparedStatement create =
                    c.prepareStatement("CREATE USER IF NOT EXISTS " + ROOT_SQL + " PASSWORD ?")) {
                create.setString(1, unknowablePassword());
                create.execute();
            }
            try (Statement grant = c.createStatement()) {
                grant.execute("GRANT ALTER ANY SCHEMA TO " + ROOT_SQL);
            }
            return EngineProgress.done();
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                return EngineProgress.failed("warehouse " + database + " exists but does not accept the engine's"
                        + " login: it was not created by this engine or the engine secret changed");
            }
            throw unavailable("provision", database, e);
        }
    }

    @Override
    public Password setPassword(DatabaseName database, Password password) {
        try (Connection c = open(database, false)) {
            try (PreparedStatement alter = c.prepareStatement("ALTER USER " + ROOT_SQL + " SET PASSWORD ?")) {
                alter.setString(1, password.reveal());
                alter.execute();
            }
            abortRootSessions(c);
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1) {
                throw new NotFoundException("warehouse " + database + " does not exist on the h2 engine");
            }
            throw unavailable("set the password of", database, e);
        }

        return password;
    }

    @Override
    public EngineProgress deprovision(DatabaseName database) {
        Path file = fileOf(database);
        if (Files.exists(mvFile(file))) {
            try (Connection c = open(database, false);
                    Statement shutdown = c.createStatement()) {
                shutdown.execute("SHUTDOWN");
            } catch (SQLException e) {
                if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                    return EngineProgress.failed("warehouse " + database + " does not accept the engine's login,"
                            + " so its sessions cannot be closed before its files are removed");
                }
                if (e.getErrorCode() != ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1) {
                    throw unavailable("deprovision", database, e);
                }
            }
        }
        DeleteDbFiles.execute(realWarehouses().toString(), database.value(), true);
        if (Files.exists(mvFile(file))) {
            return EngineProgress.inProgress("the files of warehouse " + database + " are still there");
        }
        return EngineProgress.done();
    }

    @Override
    public WarehouseConnection connection(DatabaseName database) {
        String host =
                settings.publicHost().contains(":") && !settings.publicHost().startsWith("[")
                        ? "[" + settings.publicHost() + "]"
                        : settings.publicHost();
        String url = "jdbc:postgresql://" + host + ":" + settings.pgPort() + "/" + database.value();
        return new WarehouseConnection(settings.publicHost(), settings.pgPort(), database.value(), ROOT, url);
    }

    /** An H2-driver URL for the TCP server, with the settings every connection to the file must use. */
    public String tcpJdbcUrl(DatabaseName database) {
        return "jdbc:h2:tcp://" + settings.publicHost() + ":" + settings.tcpPort() + "/" + database.value()
                + H2_SETTINGS;
    }

    private void abortRootSessions(Connection c) throws SQLException {
        List<Integer> sessions = new ArrayList<>();
        try (PreparedStatement find = c.prepareStatement(
                        "SELECT SESSION_ID FROM INFORMATION_SCHEMA.SESSIONS WHERE UPPER(USER_NAME) = 'ROOT'");
                ResultSet rows = find.executeQuery()) {
            while (rows.next()) {
                sessions.add(rows.getInt(1));
            }
        }
        try (PreparedStatement abort = c.prepareStatement("SELECT ABORT_SESSION(?)")) {
            for (int session : sessions) {
                abort.setInt(1, session);
                abort.execute();
            }
        }
    }

    private Connection open(DatabaseName database, boolean mayCreate) throws SQLException {
        EngineSecret engineSecret = secret;
        if (engineSecret == null) {
            throw new IllegalStateException("the h2 engine is not started");
        }
        Properties login = new Properties();
        login.setProperty("user", ENGINE_LOGIN);
        login.setProperty("password", engineSecret.passwordFor(database.value()));
        String url = "jdbc:h2:file:" + fileOf(database) + H2_SETTINGS + (mayCreate ? "" : ";IFEXISTS=TRUE");
        return DRIVER.connect(url, login);
    }

    /** The database path without suffix, checked to stay inside the warehouse directory. */
    Path fileOf(DatabaseName database) {
        Path base = realWarehouses();
        Path file = base.resolve(database.value()).normalize();
        if (!file.getParent().equals(base)) {
            throw new IllegalArgumentException("warehouse name " + database + " escapes " + base);
        }
        return file;
    }

    private Path realWarehouses() {
        Path real = realWarehouses;
        if (real == null) {
            throw new IllegalStateException("the h2 engine is not started");
        }
        return real;
    }

    private static Path mvFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".mv.db");
    }

    private static String unknowablePassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Names the H2 error code only: H2's messages quote SQL, and the caller's message must stay free of it. */
    private static BackendUnavailableException unavailable(String action, DatabaseName database, SQLException e) {
        return new BackendUnavailableException(
                BackendUnavailableException.Reason.UNREACHABLE,
                "the h2 engine could not " + action + " warehouse " + database + " (H2 error " + e.getErrorCode() + ")",
                e);
    }
}
