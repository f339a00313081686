package dev.wharf.adapters.out.provisioning.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wharf.application.port.out.EngineProgress;
import dev.wharf.application.port.out.WarehouseConnection;
import dev.wharf.domain.credential.Password;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.testing.PgWire;
import dev.wharf.testing.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2WarehouseEngineTest {
    private static final DatabaseName SALES = new DatabaseName("sales-wh");
    private static final DatabaseName OTHER = new DatabaseName("other-wh");
    private static final Password P1 = new Password("first-Secret-1");
    private static final Password P2 = new Password("second-Secret-2");

    @TempDir
    Path dataDir;

    private H2EngineSettings settings;
    private H2WarehouseEngine engine;

    @BeforeEach
    void start() throws IOException {
        settings = new H2EngineSettings(dataDir, "127.0.0.1", Ports.free(), Ports.free(), "127.0.0.1");
        engine = new H2WarehouseEngine(settings);
        engine.start();
    }

    @AfterEach
    void stop() {
        engine.stop();
    }

    @Test
    void provisionCreatesTheDatabaseFileAndIsDone() {
        assertThat(engine.provision(SALES)).isEqualTo(EngineProgress.done());
        assertThat(mvFile(SALES)).exists();
        assertThat(engine.loginFor(SALES).value()).isEqualTo("root");
    }

    @Test
    void rootLogsInOverThePgWireWithTheSetPasswordAndCanWrite() throws IOException {
        engine.provision(SALES);
        engine.setPassword(SALES, P1);

        try (PgWire wire = PgWire.connect(settings.pgPort(), "root", SALES.value(), P1.reveal())) {
            wire.query("CREATE TABLE orders(id INT PRIMARY KEY, item VARCHAR(20))");
            wire.query("INSERT INTO orders VALUES (1, 'anchor')");
            assertThat(wire.query("SELECT item FROM orders")).containsExactly("anchor");
        }
    }

    @Test
    void aNewPasswordRefusesTheOldOneAndEndsItsSessions() throws IOException {
        engine.provision(SALES);
        engine.setPassword(SALES, P1);
        try (PgWire old = PgWire.connect(settings.pgPort(), "root", SALES.value(), P1.reveal())) {
            engine.setPassword(SALES, P2);

            assertThatThrownBy(() -> old.query("SELECT 1")).isInstanceOf(IOException.class);
        }

        assertRefused(SALES, P1);
        try (PgWire wire = PgWire.connect(settings.pgPort(), "root", SALES.value(), P2.reveal())) {
            assertThat(wire.query("SELECT 1")).containsExactly("1");
        }
    }

    @Test
    void eachWarehouseHasItsOwnRoot() throws IOException {
        engine.provision(SALES);
        engine.provision(OTHER);
        engine.setPassword(SALES, P1);
        engine.setPassword(OTHER, P2);

        assertRefused(SALES, P2);
        assertRefused(OTHER, P1);
    }

    @Test
    void anUnknownDatabaseIsRefusedAndNotCreatedOverEitherServer() {
        DatabaseName unknown = new DatabaseName("nobody-made-this");

        assertRefused(unknown, P1);
        assertThatThrownBy(() -> DriverManager.getConnection(engine.tcpJdbcUrl(unknown), "root", P1.reveal()))
                .isInstanceOf(SQLException.class);

        assertThat(dataDir.resolve("warehouses")).isEmptyDirectory();
    }

    @Test
    void provisionTwiceChangesNothing() throws IOException {
        engine.provision(SALES);
        engine.setPassword(SALES, P1);

        assertThat(engine.provision(SALES)).isEqualTo(EngineProgress.done());

        try (PgWire wire = PgWire.connect(settings.pgPort(), "root", SALES.value(), P1.reveal())) {
            assertThat(wire.query("SELECT 1")).containsExactly("1");
        }
    }

    @Test
    void provisionFinishesAnInterruptedProvision() throws Exception {
        String enginePassword =
                EngineSecret.loadOrCreate(dataDir.resolve("engine.secret")).passwordFor(SALES.value());
        String url = "jdbc:h2:file:" + engine.fileOf(SALES) + H2WarehouseEngine.H2_SETTINGS;
        DriverManager.getConnection(url, "wharf_engine", enginePassword).close(); // the file, but no root yet

        assertThat(engine.provision(SALES)).isEqualTo(EngineProgress.done());
        engine.setPassword(SALES, P1);
        try (PgWire wire = PgWire.connect(settings.pgPort(), "root", SALES.value(), P1.reveal())) {
            assertThat(wire.query("SELECT 1")).containsExactly("1");
        }
    }

    @Test
    void deprovisionRemovesTheFilesAndIsIdempotent() throws IOException {
        engine.provision(SALES);
        engine.setPassword(SALES, P1);
        PgWire open = PgWire.connect(settings.pgPort(), "root", SALES.value(), P1.reveal());

        assertThat(engine.deprovision(SALES)).isEqualTo(EngineProgress.done());
        open.close();

        assertThat(dataDir.resolve("warehouses")).isEmptyDirectory();
        assertThat(engine.deprovision(SALES)).isEqualTo(EngineProgress.done());
        assertRefused(SALES, P1);
    }

    @Test
    void theTcpServerServesTheWarehouseToTheH2Driver() throws SQLException {
        engine.provision(SALES);
        engine.setPassword(SALES, P1);

        try (Connection c = DriverManager.getConnection(engine.tcpJdbcUrl(SALES), "root", P1.reveal());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(x INT)");
            s.execute("INSERT INTO t VALUES (7)");
            try (ResultSet rs = s.executeQuery("SELECT x FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
        }
        assertThatThrownBy(() -> DriverManager.getConnection(engine.tcpJdbcUrl(SALES), "root", P2.reveal()))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void rootIsNotAnH2Administrator() throws IOException {
        engine.provision(SALES);
        engine.setPassword(SALES, P1);

        try (PgWire wire = PgWire.connect(settings.pgPort(), "root", SALES.value(), P1.reveal())) {
            assertThatThrownBy(() -> wire.query("CREATE ALIAS prop FOR 'java.lang.System.getProperty'"))
                    .hasMessageContaining("Admin rights");
            assertThatThrownBy(() -> wire.query("SELECT FILE_READ('" + dataDir.resolve("engine.secret") + "')"))
                    .hasMessageContaining("Admin rights");
            wire.query("CREATE SCHEMA staging");
            wire.query("CREATE TABLE staging.raw(x INT)");
        }
    }

    @Test
    void connectionNamesThePgServerAndNeverAPassword() {
        WarehouseConnection connection = engine.connection(SALES);

        assertThat(connection)
                .isEqualTo(new WarehouseConnection(
                        "127.0.0.1",
                        settings.pgPort(),
                        "sales-wh",
                        "root",
                        "jdbc:postgresql://127.0.0.1:" + settings.pgPort() + "/sales-wh"));
    }

    /** Pins a known incompatibility: when it starts failing, pgjdbc or H2 changed and PgWire can go. */
    @Test
    void thePostgresJdbcDriverIsRefusedByH2sPgServer() {
        engine.provision(SALES);
        engine.setPassword(SALES, P1);

        assertThatThrownBy(() ->
                        DriverManager.getConnection(engine.connection(SALES).jdbcUrl(), "root", P1.reveal()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("extra_float_digits");
    }

    @Test
    void psqlConnectsWithTheRightPasswordOnly() throws Exception {
        Path psql = Path.of("/usr/bin/psql");
        String absent = "psql is not installed at /usr/bin/psql: the real-client check cannot run (install Debian's"
                + " postgresql-client)";
        if ("true".equals(System.getenv("CI"))) {
            assertThat(Files.isExecutable(psql)).as(absent).isTrue();
        }
        assumeTrue(Files.isExecutable(psql), absent);
        engine.provision(SALES);
        engine.setPassword(SALES, P1);

        assertThat(psql(P1)).isZero();
        assertThat(psql(P2)).isNotZero();
    }

    @Test
    void errorsNeverCarryThePassword() {
        DatabaseName missing = new DatabaseName("not-there");

        assertThatThrownBy(() -> engine.setPassword(missing, P1))
                .isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(messages(e)).doesNotContain(P1.reveal()));
        assertThat(mvFile(missing)).doesNotExist();
    }

    @Test
    void startRefusesATakenPortNamingIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            H2WarehouseEngine second = new H2WarehouseEngine(
                    new H2EngineSettings(dataDir, "127.0.0.1", taken.getLocalPort(), Ports.free(), "127.0.0.1"));

            assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken.getLocalPort());
        }
    }

    @Test
    void timings() {
        int rounds = 10;
        long provision = 0;
        long setPassword = 0;
        for (int i = 0; i < rounds; i++) {
            DatabaseName name = new DatabaseName("timed-" + i);
            long t0 = System.nanoTime();
            engine.provision(name);
            long t1 = System.nanoTime();
            engine.setPassword(name, P1);
            long t2 = System.nanoTime();
            provision += t1 - t0;
            setPassword += t2 - t1;
        }
        System.out.printf(
                "H2 engine timings over %d warehouses: provision %.1f ms, setPassword %.1f ms on average%n",
                rounds, provision / 1e6 / rounds, setPassword / 1e6 / rounds);
    }

    private int psql(Password password) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                "/usr/bin/psql",
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(settings.pgPort()),
                "-U",
                "root",
                "-d",
                SALES.value(),
                "-w",
                "-c",
                "select 1");
        pb.environment().put("PGPASSWORD", password.reveal());
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = pb.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private void assertRefused(DatabaseName database, Password password) {
        assertThatThrownBy(() -> PgWire.connect(settings.pgPort(), "root", database.value(), password.reveal())
                        .close())
                .isInstanceOf(IOException.class);
    }

    private Path mvFile(DatabaseName database) {
        return dataDir.resolve("warehouses").resolve(database.value() + ".mv.db");
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
