package dev.wharf.adapters.out.provisioning.postgres.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a warehouse login can and cannot do on the embedded server, tried as a hostile tenant would: its limits hold,
 * it cannot raise them, reach another warehouse, make roles or databases, touch the server's files or programs, or
 * end another login's sessions; and the startup packet is PostgreSQL's, not a place for settings.
 */
class WarehouseIsolationTest {
    private final EmbeddedWarehouses warehouses = EmbeddedWarehouses.shared();

    @Test
    void theLoginsLimitsHoldInEverySession() throws SQLException {
        EmbeddedWarehouses.Ready w = warehouses.ready("limits");
        try (Connection c = w.connect();
                Statement s = c.createStatement()) {
            assertThat(single(s, "SHOW statement_timeout")).isEqualTo("15min");
            assertThat(single(s, "SHOW idle_in_transaction_session_timeout")).isEqualTo("10min");
            assertThat(single(s, "SHOW work_mem")).isEqualTo("64MB");
            assertThat(single(s, "SHOW temp_file_limit")).isEqualTo("5GB");
            assertThat(single(s, "SELECT rolconnlimit FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("20");
            assertThat(single(s, "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
                    .as("sslmode=require in the JDBC URL")
                    .isEqualTo("true");
            assertThatThrownBy(() -> s.execute("SET temp_file_limit = -1"))
                    .hasMessageContaining("permission denied to set parameter");
            assertThatThrownBy(() -> s.execute("ALTER ROLE " + w.user() + " SET temp_file_limit = -1"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("ALTER ROLE " + w.user() + " CONNECTION LIMIT -1"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aTenantCannotDisownItsDatabaseOrRetagItsLogin() throws SQLException {
        EmbeddedWarehouses.Ready w = warehouses.ready("retag");
        try (Connection c = w.connect();
                Statement s = c.createStatement()) {
            s.execute("COMMENT ON DATABASE \"" + w.database() + "\" IS 'wharf warehouse of project 9 created x'");
            assertThatThrownBy(() -> s.execute("COMMENT ON ROLE " + w.user() + " IS 'someone else'"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("ALTER DATABASE \"" + w.database() + "\" OWNER TO wharf_admin"))
                    .isInstanceOf(SQLException.class);
        }

        assertThat(warehouses
                        .engine()
                        .deprovision(w.database(), warehouses.tagOf(w.database()))
                        .isDone())
                .isTrue();
        try (Connection admin = warehouses.server.adminConnection(5);
                Statement s = admin.createStatement()) {
            assertThat(single(s, "SELECT count(*) FROM pg_database WHERE datname = '" + w.database() + "'"))
                    .as("a database whose comment its tenant changed is still removed with its warehouse")
                    .isEqualTo("0");
        }
    }

    @Test
    void aRunawayStatementIsStoppedByTheServer() throws SQLException {
        EmbeddedWarehouses.Ready w = warehouses.ready("runaway");
        try (Connection c = w.connect();
                Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = '300ms'");
            assertThatThrownBy(() -> s.execute("SELECT pg_sleep(5)")).hasMessageContaining("statement timeout");
        }
    }

    @Test
    void aLoginCannotMakeRolesOrDatabasesOrReachTheServersFilesOrPrograms() throws SQLException {
        EmbeddedWarehouses.Ready w = warehouses.ready("hostile");
        try (Connection c = w.connect();
                Statement s = c.createStatement()) {
            assertThat(
                            single(
                                    s,
                                    "SELECT rolsuper::text || rolcreaterole::text || rolcreatedb::text"
                                            + " || rolreplication::text || rolbypassrls::text FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("falsefalsefalsefalsefalse");
            for (String role : List.of(
                    "pg_read_server_files",
                    "pg_write_server_files",
                    "pg_execute_server_program",
                    "pg_signal_backend")) {
                assertThat(single(s, "SELECT pg_has_role(current_user, '" + role + "', 'MEMBER')::text"))
                        .as(role)
                        .isEqualTo("false");
            }
            assertThatThrownBy(() -> s.execute("CREATE ROLE sneaky LOGIN")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("CREATE DATABASE sneaky")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("COPY (SELECT 1) TO '/tmp/wharf-escape'"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("COPY (SELECT 1) TO PROGRAM 'id'"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.executeQuery("SELECT pg_read_file('postgresql.conf')"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("CREATE EXTENSION adminpack")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aLoginCannotReachAnotherWarehouseOrEndItsSessions() throws SQLException {
        EmbeddedWarehouses.Ready mine = warehouses.ready("mine");
        EmbeddedWarehouses.Ready theirs = warehouses.ready("theirs");
        String theirUrlWithMyName = theirs.jdbcUrl();

        assertThatThrownBy(() -> EmbeddedWarehouses.login(theirUrlWithMyName, mine.user(), mine.password()))
                .hasMessageContaining("permission denied for database");
        try (Connection them = theirs.connect();
                Connection me = mine.connect();
                Statement theirSide = them.createStatement();
                Statement s = me.createStatement()) {
            String pid = single(theirSide, "SELECT pg_backend_pid()");
            assertThatThrownBy(() -> s.executeQuery("SELECT pg_terminate_backend(" + pid + ")"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeQuery("SELECT pg_cancel_backend(" + pid + ")"))
                    .hasMessageContaining("permission denied");
            assertThat(single(theirSide, "SELECT 1")).isEqualTo("1");
            assertThat(single(
                            s,
                            "SELECT count(*) FROM pg_stat_activity WHERE query <> '<insufficient privilege>'"
                                    + " AND usename = '" + theirs.user() + "' AND query IS NOT NULL AND query <> ''"))
                    .as("another login's statements are hidden")
                    .isEqualTo("0");
        }
    }

    @Test
    void settingsAfterTheDatabaseNameAreJustPartOfAnUnknownName() throws SQLException {
        EmbeddedWarehouses.Ready w = warehouses.ready("startup");
        for (String suffix : List.of(
                ";DATABASE_EVENT_LISTENER=java.util.Timer",
                ";AUTO_SERVER=TRUE",
                ";TRACE_LEVEL_SYSTEM_OUT=3",
                "?options=-c%20statement_timeout%3D0")) {
            String url =
                    w.jdbcUrl().replace("/" + w.database() + "?", "/" + w.database() + suffix.replace("?", "&") + "?");
            assertThatThrownBy(() -> EmbeddedWarehouses.login(url, w.user(), w.password()))
                    .as(suffix)
                    .isInstanceOf(SQLException.class);
        }
        try (Connection c = EmbeddedWarehouses.login(
                        w.jdbcUrl() + "&options=-c%20statement_timeout%3D0", w.user(), w.password());
                Statement s = c.createStatement()) {
            assertThat(single(s, "SHOW temp_file_limit"))
                    .as("options cannot lift a superuser setting")
                    .isEqualTo("5GB");
        }
        assertThatThrownBy(() -> EmbeddedWarehouses.login(
                        w.jdbcUrl() + "&options=-c%20temp_file_limit%3D-1", w.user(), w.password()))
                .hasMessageContaining("permission denied");
    }

    @Test
    void aWrongPasswordGetsPostgresqlsOwnRefusal() {
        EmbeddedWarehouses.Ready w = warehouses.ready("wrong");
        assertThatThrownBy(() -> EmbeddedWarehouses.login(w.jdbcUrl(), w.user(), "not-the-password"))
                .hasMessageContaining("password authentication failed for user \"" + w.user() + "\"");
    }

    @Test
    void aStartupPacketOfGarbageIsRefusedByTheServer() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", warehouses.server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {0, 0, 0, 12, 0x7f, 0x7f, 0x7f, 0x7f, 'j', 'u', 'n', 'k'});
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(256);
            assertThat(new String(answer, StandardCharsets.ISO_8859_1)).contains("unsupported frontend protocol");
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
