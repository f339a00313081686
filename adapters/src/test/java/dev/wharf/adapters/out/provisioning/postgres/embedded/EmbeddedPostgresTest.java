package dev.wharf.adapters.out.provisioning.postgres.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.testing.DataModes;
import dev.wharf.testing.EmbeddedServers;
import dev.wharf.testing.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The embedded server's life: made once, started, restarted on the same cluster, stopped, and never twice. */
class EmbeddedPostgresTest {
    @Test
    void startsWithScramOnlyAndTlsAndRestartsOnTheSameCluster() throws Exception {
        Path directory = EmbeddedServers.directory("wharf-pg-life");
        EmbeddedPostgres server = new EmbeddedPostgres(EmbeddedServers.settings(directory, Ports.free()));
        server.start();
        try (Connection c = server.adminConnection(5);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v int)");
            s.execute("INSERT INTO kept VALUES (42)");
            assertThat(single(s, "SHOW server_version")).startsWith("17.");
            assertThat(single(s, "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256'"))
                    .isEqualTo("0");
            assertThat(single(s, "SHOW password_encryption")).isEqualTo("scram-sha-256");
        }
        try (Connection c = java.sql.DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?sslmode=verify-full&sslrootcert="
                                + server.certificate(),
                        EmbeddedPostgres.ADMIN,
                        server.adminPassword());
                Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
                    .as("TLS, verified against the certificate Wharf made")
                    .isEqualTo("true");
        }
        Path home = directory.resolve("postgres");
        assertThat(Files.getPosixFilePermissions(home.resolve("admin.password")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(home.resolve("server.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.exists(home.resolve("run").resolve(".s.PGSQL." + server.port())))
                .isTrue();
        long firstPid = server.pid();

        server.stop();
        assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        assertThat(Files.exists(home.resolve("data").resolve("postmaster.pid"))).isFalse();

        server.start();
        try (Connection c = server.adminConnection(5);
                Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT v FROM kept")).isEqualTo("42");
        } finally {
            server.stop();
        }
    }

    @Test
    void everyFileIsItsOwnersOnlyAndFilesThatOlderVersionsLeftOpenAreClosedAtTheNextStart() throws Exception {
        Path directory = EmbeddedServers.directory("wharf-pg-modes");
        Path home = directory.resolve("postgres");
        EmbeddedPostgres server = new EmbeddedPostgres(EmbeddedServers.settings(directory, Ports.free()));
        server.start();
        try {
            assertThat(Files.exists(home.resolve("run").resolve(".s.PGSQL." + server.port())))
                    .isTrue();
            assertThat(DataModes.violations(home, home)).isEmpty();
        } finally {
            server.stop();
        }
        assertThat(DataModes.violations(home, home)).isEmpty();

        // What a version before this rule left: readable by all, the certificate and pg_hba.conf Wharf's user's.
        Set<PosixFilePermission> open = PosixFilePermissions.fromString("rw-r--r--");
        for (String file : new String[] {"lock", "initialized", "postgres.log", "pg_hba.conf", "server.crt"}) {
            Files.setAttribute(home.resolve(file), "unix:uid", ownUid());
            Files.setPosixFilePermissions(home.resolve(file), open);
        }
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectory(
                home.resolve("tls.partial"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertThat(DataModes.violations(home, home)).hasSize(7);

        server.start();
        try {
            assertThat(DataModes.violations(home, home)).isEmpty();
        } finally {
            server.stop();
        }
    }

    private static int ownUid() throws Exception {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    @Test
    void aSecondServerOnTheSameDirectoryIsRefusedWithOneLine() {
        Path directory = EmbeddedServers.directory("wharf-pg-twice");
        EmbeddedPostgres first = new EmbeddedPostgres(EmbeddedServers.settings(directory, Ports.free()));
        first.start();
        try {
            EmbeddedPostgres second = new EmbeddedPostgres(EmbeddedServers.settings(directory, Ports.free()));
            assertThatThrownBy(second::start)
                    .isInstanceOf(EmbeddedPostgresException.class)
                    .hasMessageContaining("in use by another Wharf")
                    .hasMessageNotContaining("\n");
            assertThat(first.isRunning()).isTrue();
        } finally {
            first.stop();
        }
    }

    @Test
    void aServerLeftRunningByAKilledWharfIsStoppedByTheNextStart() throws Exception {
        Path directory = EmbeddedServers.directory("wharf-pg-stale");
        int port = Ports.free();
        EmbeddedPostgres killed = new EmbeddedPostgres(EmbeddedServers.settings(directory, port));
        killed.start();
        long stale = killed.pid();
        killed.abandon();
        assertThat(ProcessHandle.of(stale).map(ProcessHandle::isAlive).orElse(false))
                .isTrue();

        EmbeddedPostgres next = new EmbeddedPostgres(EmbeddedServers.settings(directory, port));
        next.start();
        try {
            assertThat(ProcessHandle.of(stale).map(ProcessHandle::isAlive).orElse(false))
                    .as("the stale server was stopped")
                    .isFalse();
            assertThat(next.pid()).isNotEqualTo(stale);
            try (Connection c = next.adminConnection(5);
                    Statement s = c.createStatement()) {
                assertThat(single(s, "SELECT 1")).isEqualTo("1");
            }
        } finally {
            next.stop();
        }
    }

    @Test
    void aStalePidFileOfAnotherProgramIsRemoved() throws Exception {
        Path directory = EmbeddedServers.directory("wharf-pg-pidfile");
        EmbeddedPostgres first = new EmbeddedPostgres(EmbeddedServers.settings(directory, Ports.free()));
        first.start();
        first.stop();
        Path pidFile = directory.resolve("postgres/data/postmaster.pid");
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + directory + "\n");

        EmbeddedPostgres next = new EmbeddedPostgres(EmbeddedServers.settings(directory, Ports.free()));
        next.start();
        try {
            assertThat(next.isRunning()).isTrue();
        } finally {
            next.stop();
        }
    }

    @Test
    void aTakenPortStopsTheStartWithOneLineNamingTheVariable() throws Exception {
        try (java.net.ServerSocket taken =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            EmbeddedPostgres server = new EmbeddedPostgres(
                    EmbeddedServers.settings(EmbeddedServers.directory("wharf-pg-taken"), taken.getLocalPort()));
            assertThatThrownBy(server::start)
                    .isInstanceOf(EmbeddedPostgresException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("WHARF_WAREHOUSE_PORT")
                    .hasMessageNotContaining("\n");
            assertThat(server.isRunning()).isFalse();
        }
    }

    @Test
    void binariesThatAreNotThereStopTheStartWithOneLineNamingTheVariable() {
        Path directory = EmbeddedServers.directory("wharf-pg-nobin");
        EmbeddedPostgresSettings s = EmbeddedServers.settings(directory, Ports.free());
        EmbeddedPostgres server = new EmbeddedPostgres(new EmbeddedPostgresSettings(
                s.directory(),
                directory.resolve("no-such-bin"),
                s.bindHost(),
                s.port(),
                s.runAs(),
                s.certificateHosts(),
                s.maxConnections(),
                s.authenticationTimeout(),
                s.startTimeout()));

        assertThatThrownBy(server::start)
                .isInstanceOf(EmbeddedPostgresException.class)
                .hasMessageContaining("WHARF_PG_BIN")
                .hasMessageNotContaining("\n");
        String arch = System.getProperty("os.arch");
        try {
            System.setProperty("os.arch", "sparc");
            assertThatThrownBy(() -> PostgresBinaries.locate(null, directory))
                    .hasMessageContaining("no PostgreSQL binaries for")
                    .hasMessageContaining("sparc")
                    .hasMessageContaining("set WHARF_PG_BIN");
        } finally {
            System.setProperty("os.arch", arch);
        }
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
