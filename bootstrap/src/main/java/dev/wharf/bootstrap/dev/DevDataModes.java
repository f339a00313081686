package dev.wharf.bootstrap.dev;

import dev.wharf.bootstrap.StartupException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Dev mode's data directory is its owner's only: the directory 700 (711, traversal only, when the warehouse server
 * runs as another user, who must pass through to {@code postgres/}), every file Wharf keeps in it 600 and every
 * directory 700; the warehouse server's directory sees to its own (see the embedded server's {@code PrivateFiles}).
 * Made so before dev mode writes anything, and what older versions left readable by all (a 644 {@code wharf.mv.db},
 * H2 trace files, the H2 engine's warehouse files) is tightened at every start. Only the entries Wharf makes are
 * touched: a data directory may be somewhere that also holds files of the operator's.
 */
public final class DevDataModes {
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> TRAVERSABLE = PosixFilePermissions.fromString("rwx--x--x");
    private static final Set<String> WHARFS =
            Set.of("dev-api-key", "key.secret", "engine.secret", "warehouses", "warehouses.h2-retired");

    private DevDataModes() {}

    /**
     * Creates or tightens {@code data}'s directory and Wharf's files in it, and makes the H2 metadata's file (empty,
     * 600) when there is none yet: H2 takes an empty file for a new database and keeps its mode, where a file it made
     * itself would be the umask's 644 from its first write on.
     */
    public static void prepare(DevDataDirectory data, boolean serverPassesThrough) {
        Path directory = data.path();
        try {
            Files.createDirectories(directory.getParent());
            boolean ours = true;
            try {
                Files.createDirectory(directory, attribute(DIRECTORY));
            } catch (FileAlreadyExistsException existing) {
                ours = isOurs(directory, data);
            }
            if (ours) {
                Files.setPosixFilePermissions(directory, serverPassesThrough ? TRAVERSABLE : DIRECTORY);
            }
            tightenWharfsEntries(directory);
            try {
                Files.createFile(data.metadataFile(), attribute(FILE));
            } catch (FileAlreadyExistsException existing) {
                // H2's, tightened above
            }
        } catch (UnsupportedOperationException noPosixModes) {
            // a file system without owners' modes: nothing to set
        } catch (IOException e) {
            throw new StartupException("cannot make the data directory " + directory + " readable by its owner only ("
                    + e + "): give it to the user Wharf runs as, or choose another WHARF_DATA_DIR");
        }
    }

    /**
     * Whether an existing directory is Wharf's to make private: refused when others may write in it (such as
     * {@code /tmp}: its sticky bit would be lost, and anyone could put files beside Wharf's), and refused when it holds
     * other files and no Wharf data yet (a project checkout, say): Wharf makes private only a directory that is its.
     */
    private static boolean isOurs(Path directory, DevDataDirectory data) throws IOException {
        int mode = (Integer) Files.getAttribute(directory, "unix:mode");
        if ((mode & 0002) != 0 || (mode & 01000) != 0) {
            throw new StartupException("the data directory " + directory + " is writable by others: choose a"
                    + " directory of Wharf's own with WHARF_DATA_DIR, such as " + directory.resolve("wharf"));
        }
        if (data.hasMetadata()) {
            return true;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.map(entry -> entry.getFileName().toString())
                    .allMatch(name -> isWharfs(name) || name.equals("postgres") || name.startsWith("wharf-"))) {
                return true;
            }
        }
        throw new StartupException("the data directory " + directory + " holds files that are not Wharf's: choose a"
                + " new or empty directory with WHARF_DATA_DIR, such as " + directory.resolve("wharf"));
    }

    private static boolean isWharfs(String name) {
        return WHARFS.contains(name)
                || name.startsWith("wharf.")
                || name.startsWith("dev-api-key.")
                || name.startsWith("key.secret.");
    }

    private static void tightenWharfsEntries(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (isWharfs(name)) {
                    tighten(entry);
                }
            }
        }
    }

    /** {@code path} and, for a directory, everything in it; links are left alone, never followed. */
    private static void tighten(Path path) throws IOException {
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path entry : tree.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(entry, DIRECTORY);
                } else if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(entry, FILE);
                }
            }
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
