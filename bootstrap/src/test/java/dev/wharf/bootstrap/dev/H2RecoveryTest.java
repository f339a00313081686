package dev.wharf.bootstrap.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dev mode's metadata is rebuilt from its rows after a run that did not close it, and only then. */
class H2RecoveryTest {
    @TempDir
    Path dataDir;

    private final DataSourceFactory database = new DataSourceFactory();
    private final LifecycleEnvironment lifecycle = new LifecycleEnvironment(new com.codahale.metrics.MetricRegistry());

    @BeforeEach
    void givenMetadataWithAnIndex() throws Exception {
        database.setUrl("jdbc:h2:file:" + dataDir.resolve("wharf") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        database.setUser("sa");
        database.setPassword("");
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE warehouse (id INT PRIMARY KEY, state VARCHAR(20), name VARCHAR(63) UNIQUE)");
            s.execute("CREATE INDEX warehouse_state_idx ON warehouse (state)");
            s.execute("INSERT INTO warehouse VALUES (1, 'ready', 'a'), (2, 'deleting', 'b')");
        }
    }

    @Test
    void aRunThatWasNotClosedIsRebuiltFromItsRowsWithItsIndexesAndKept() throws Exception {
        Files.createFile(dataDir.resolve("wharf.running"));
        Files.writeString(dataDir.resolve("wharf-rebuilt.mv.db"), "half made by a recovery that was killed");
        Files.writeString(dataDir.resolve("wharf-recovery.sql"), "half written");

        H2Recovery.prepare(database, lifecycle);

        assertThat(kept()).hasSize(1);
        assertThat(Files.getPosixFilePermissions(kept().get(0)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(dataDir.resolve("wharf-rebuilt.mv.db")).doesNotExist();
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("wharf.mv.db")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(dataDir.resolve("wharf-recovery.sql")).doesNotExist();
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE warehouse SET state = 'deleted' WHERE state = 'deleting'"))
                    .isEqualTo(1);
            try (ResultSet rows = s.executeQuery(
                    "SELECT count(*) FROM information_schema.indexes" + " WHERE index_name = 'warehouse_state_idx'")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
            try (ResultSet rows = s.executeQuery("SELECT string_agg(name, ',' ORDER BY id) FROM warehouse")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("a,b");
            }
        }
    }

    @Test
    void aRunThatWasClosedIsLeftAsItIsAndTheMarkerGoesWhenThisRunStops() throws Exception {
        H2Recovery.prepare(database, lifecycle);

        assertThat(kept()).isEmpty();
        assertThat(dataDir.resolve("wharf.running")).exists();
        for (var managed : lifecycle.getManagedObjects()) {
            managed.start();
            managed.stop();
        }
        assertThat(dataDir.resolve("wharf.running")).doesNotExist();
    }

    @Test
    void everyRecoveryKeepsACopyAndOnlyTheNewestTwoStay() throws Exception {
        for (int i = 0; i < 3; i++) {
            Files.writeString(dataDir.resolve("wharf.running"), "");
            H2Recovery.prepare(database, lifecycle);
            Thread.sleep(2);
        }

        assertThat(kept()).hasSize(2);
    }

    @Test
    void onlyH2FileDatabasesAreMarked() {
        assertThat(H2Recovery.fileOf("jdbc:h2:file:/data/wharf;MODE=PostgreSQL"))
                .contains(Path.of("/data/wharf"));
        assertThat(H2Recovery.fileOf("jdbc:h2:./.wharf/wharf")).contains(Path.of("./.wharf/wharf"));
        assertThat(H2Recovery.fileOf("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(H2Recovery.fileOf("jdbc:h2:tcp://localhost/wharf")).isEmpty();
        assertThat(H2Recovery.fileOf("jdbc:postgresql://127.0.0.1:5432/wharf")).isEmpty();
    }

    private java.util.List<Path> kept() throws java.io.IOException {
        try (var files = Files.list(dataDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("wharf.mv.db" + H2Recovery.KEPT))
                    .toList();
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(database.getUrl(), database.getUser(), database.getPassword());
    }
}
