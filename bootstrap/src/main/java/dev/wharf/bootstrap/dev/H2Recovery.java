package dev.wharf.bootstrap.dev;

import dev.wharf.bootstrap.StartupException;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dev mode's H2 metadata after a run that did not close it (killed, out of memory, a power cut). H2 keeps every
 * committed row, but its secondary indexes can come back without entries of the rows that were being changed when the
 * process died ("Row not found when trying to delete from index", seen under CrashSafetyIT): every later update of such
 * a row then fails, and a warehouse stays in its state for good. So a run leaves {@code wharf.running} in the data
 * directory until the metadata is closed; a start that finds it rebuilds the metadata from its rows (H2's {@code
 * SCRIPT}, then {@code RUNSCRIPT} into a new file, which makes every index again, and compacts it) and keeps a copy of
 * the file from before as {@code wharf.mv.db.before-recovery-<millis>} (the newest two such copies).
 */
public final class H2Recovery {
    static final String KEPT = ".before-recovery-";
    /** Copies of the file from before a recovery that are kept: each is as large as the metadata. */
    static final int KEPT_COPIES = 2;

    private static final Logger LOG = LoggerFactory.getLogger(H2Recovery.class);

    private H2Recovery() {}

    /**
     * Rebuilds the metadata if the last run did not close it, then marks this run, and unmarks it once the data
     * source is closed: call before the data source is built, so that it is stopped first. Only for H2 file
     * databases (dev mode's, or a configuration's): the marker sits beside the file, {@code <name>.running}.
     */
    public static void prepare(DataSourceFactory database, LifecycleEnvironment lifecycle) {
        Optional<Path> base = fileOf(database.getUrl());
        if (base.isEmpty()) {
            return;
        }
        Path dataDir = base.get().toAbsolutePath().normalize().getParent();
        String name = base.get().getFileName().toString();
        Path marker = dataDir.resolve(name + ".running");
        Path file = dataDir.resolve(name + ".mv.db");
        try {
            if (Files.exists(marker) && Files.isRegularFile(file) && Files.size(file) > 0) {
                rebuild(database, dataDir, file);
            }
            if (!Files.exists(marker)) {
                Files.createDirectories(dataDir);
                Files.createFile(marker, PosixFilePermissions.asFileAttribute(DevDataModes.FILE));
            }
        } catch (IOException | SQLException e) {
            throw new StartupException("cannot recover the metadata in " + file + " after a run that did not stop"
                    + " cleanly: " + e + " (the file is unchanged; the next start tries again)");
        }
        lifecycle.manage(new Managed() {
            @Override
            public void stop() throws IOException {
                Files.deleteIfExists(marker);
            }
        });
    }

    /** The path (without {@code .mv.db}) of an H2 file database's URL; empty for in-memory and server URLs. */
    public static Optional<Path> fileOf(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        String location = settings < 0 ? rest : rest.substring(0, settings);
        if (location.startsWith("file:")) {
            location = location.substring("file:".length());
        } else if (!(location.startsWith("/") || location.startsWith("./") || location.startsWith("../"))) {
            return Optional.empty();
        }
        return location.isEmpty() || location.startsWith("~") ? Optional.empty() : Optional.of(Path.of(location));
    }

    /**
     * Writes the rows out, loads them into a new file beside the old one, keeps a copy of the old one under a name of
     * its own, and only then puts the new file in place with one atomic rename. The marker stays until this run closes
     * the metadata, so a recovery that is interrupted anywhere is done again from the file still in place: the rows
     * are never only in a half-made file, and no kept copy is overwritten.
     */
    private static void rebuild(DataSourceFactory database, Path dataDir, Path file) throws IOException, SQLException {
        long started = System.nanoTime();
        String name = file.getFileName().toString().replace(".mv.db", "");
        Path script = dataDir.resolve(name + "-recovery.sql");
        Path rebuiltBase = dataDir.resolve(name + "-rebuilt");
        Path rebuilt = dataDir.resolve(name + "-rebuilt.mv.db");
        Files.deleteIfExists(script);
        Files.deleteIfExists(rebuilt);
        Files.deleteIfExists(dataDir.resolve(name + "-rebuilt.trace.db"));
        try {
            createPrivate(script);
            run(database.getUrl(), database, "SCRIPT TO " + quoted(script));
            createPrivate(rebuilt);
            String location = fileOf(database.getUrl()).orElseThrow().toString();
            String rebuiltUrl = database.getUrl()
                    .replaceFirst(
                            java.util.regex.Pattern.quote(location),
                            java.util.regex.Matcher.quoteReplacement(rebuiltBase.toString()));
            // RUNSCRIPT leaves the new file several times the size of its rows: compacted as it closes.
            run(rebuiltUrl, database, "RUNSCRIPT FROM " + quoted(script), "SHUTDOWN COMPACT");
            Path kept = dataDir.resolve(file.getFileName() + KEPT + System.currentTimeMillis());
            Files.copy(file, kept, StandardCopyOption.COPY_ATTRIBUTES);
            Files.setPosixFilePermissions(kept, DevDataModes.FILE);
            // compaction wrote the file anew, with the umask's mode
            Files.setPosixFilePermissions(rebuilt, DevDataModes.FILE);
            Files.move(rebuilt, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            keepNewest(dataDir, file.getFileName() + KEPT, KEPT_COPIES);
            LOG.warn(
                    "The last run stopped without closing the metadata: rebuilt {} from its rows in {} ms (the file"
                            + " before is kept as {})",
                    file,
                    (System.nanoTime() - started) / 1_000_000,
                    kept);
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(rebuilt);
        }
    }

    /** Removes all but the newest {@code count} copies kept by earlier recoveries (their names end in millis). */
    private static void keepNewest(Path dataDir, String prefix, int count) throws IOException {
        List<Path> copies;
        try (Stream<Path> entries = Files.list(dataDir)) {
            copies = entries.filter(entry -> entry.getFileName().toString().startsWith(prefix))
                    .sorted(Comparator.comparingLong((Path entry) -> millisOf(entry, prefix))
                            .reversed())
                    .toList();
        }
        for (Path old : copies.subList(Math.min(count, copies.size()), copies.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static long millisOf(Path copy, String prefix) {
        try {
            return Long.parseLong(copy.getFileName().toString().substring(prefix.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void createPrivate(Path file) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(DevDataModes.FILE));
    }

    private static void run(String url, DataSourceFactory database, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, database.getUser(), database.getPassword());
                Statement statement = c.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String quoted(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
