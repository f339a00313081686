package dev.wharf.bootstrap;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dev mode's H2 metadata after a run that did not close it (killed, out of memory, a power cut). H2 keeps every
 * committed row, but its secondary indexes can come back without entries of the rows that were being changed when the
 * process died ("Row not found when trying to delete from index", seen under CrashSafetyIT): every later update of such
 * a row then fails, and a warehouse stays in its state for good. So a run leaves {@code wharf.running} in the data
 * directory until the metadata is closed; a start that finds it rebuilds the metadata from its rows (H2's {@code
 * SCRIPT}, then {@code RUNSCRIPT} into a new file, which makes every index again) and keeps the file from before as
 * {@code wharf.mv.db.before-recovery}. It takes about a second per 100,000 rows.
 */
final class H2Recovery {
    static final String MARKER = "wharf.running";
    static final String KEPT = "wharf.mv.db.before-recovery";
    private static final Logger LOG = LoggerFactory.getLogger(H2Recovery.class);

    private H2Recovery() {}

    /**
     * Rebuilds the metadata if the last run did not close it, then marks this run, and unmarks it once the data
     * source is closed: call before the data source is built, so that it is stopped first.
     */
    static void prepare(DataSourceFactory database, Path dataDir, LifecycleEnvironment lifecycle) {
        Path marker = dataDir.resolve(MARKER);
        Path file = dataDir.resolve("wharf.mv.db");
        try {
            if (Files.exists(marker) && Files.isRegularFile(file) && Files.size(file) > 0) {
                rebuild(database, dataDir, file);
            }
            Files.deleteIfExists(marker);
            Files.createFile(
                    marker, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException | SQLException e) {
            throw new StartupException("cannot recover the metadata in " + file + " after a run that did not stop"
                    + " cleanly: " + e.getMessage() + " (the file is unchanged; " + KEPT + " may hold a copy)");
        }
        lifecycle.manage(new Managed() {
            @Override
            public void stop() throws IOException {
                Files.deleteIfExists(marker);
            }
        });
    }

    private static void rebuild(DataSourceFactory database, Path dataDir, Path file) throws IOException, SQLException {
        long started = System.nanoTime();
        Path script = dataDir.resolve("wharf-recovery.sql");
        Files.deleteIfExists(script);
        Files.createFile(script, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            run(database, "SCRIPT TO " + quoted(script));
            Files.move(file, dataDir.resolve(KEPT), StandardCopyOption.REPLACE_EXISTING);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            run(database, "RUNSCRIPT FROM " + quoted(script));
        } finally {
            Files.deleteIfExists(script);
        }
        LOG.warn(
                "The last run stopped without closing the metadata: rebuilt {} from its rows in {} ms (the file before"
                        + " is {})",
                file,
                (System.nanoTime() - started) / 1_000_000,
                KEPT);
    }

    private static void run(DataSourceFactory database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.getUrl(), database.getUser(), database.getPassword());
                Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String quoted(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
