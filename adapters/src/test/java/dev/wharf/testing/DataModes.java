package dev.wharf.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Wharf's rule for the files it keeps, checked on every entry of a directory tree so that a file added later without
 * care breaks it. Everything is its owner's only: files 600, directories 700 (sockets 700), owned by Wharf's user,
 * except: the directories the warehouse server's user must pass through (the data directory and the server's
 * directory: 711 when that user is another, as when Wharf runs as root); what that user owns ({@code data/},
 * {@code run/}, {@code pg_hba.conf}, {@code server.crt}, {@code server.key}: 700 and 600); and the unpacked binaries,
 * public programs (directories 755, files 644 or 755, Wharf's user's).
 */
public final class DataModes {
    private static final Set<String> SERVERS = Set.of("data", "run", "pg_hba.conf", "server.crt", "server.key");

    private final Path root;
    private final Path postgres;
    private final String wharfUser = System.getProperty("user.name");
    private final boolean switched = "root".equals(System.getProperty("user.name"));
    private final String serverUser;

    private DataModes(Path root, Path postgres) {
        this.root = root;
        this.postgres = postgres;
        this.serverUser = switched ? "nobody" : wharfUser;
    }

    /**
     * What breaks the rule under {@code root}, whose warehouse server's directory is {@code postgres} (the same, or
     * {@code root/postgres}); empty when nothing does. The server's user is {@code nobody} when the tests run as root.
     */
    public static List<String> violations(Path root, Path postgres) {
        return new DataModes(root, postgres).check();
    }

    /** Every entry, the walk going on past those that the running server removes meanwhile. */
    private List<String> check() {
        List<String> violations = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                        throws IOException {
                    return visitFile(directory, attributes);
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    try {
                        String problem = problem(file);
                        if (problem != null) {
                            violations.add(file + ": " + problem);
                        }
                    } catch (NoSuchFileException gone) {
                        // a temporary file of the server's
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    private String problem(Path path) throws IOException {
        PosixFileAttributes attributes =
                Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String owner = attributes.owner().getName();
        String mode = PosixFilePermissions.toString(attributes.permissions());
        boolean directory = attributes.isDirectory();
        String found = owner + " " + mode;
        if (isBinary(path)) {
            if (attributes.isSymbolicLink()) {
                return null;
            }
            boolean allowed =
                    directory ? mode.equals("rwxr-xr-x") : mode.equals("rw-r--r--") || mode.equals("rwxr-xr-x");
            return owner.equals(wharfUser) && allowed ? null : found + ", expected " + wharfUser + " 755 or 644";
        }
        if (attributes.isSymbolicLink()) {
            return "a symbolic link";
        }
        String expectedOwner = isServers(path) ? serverUser : wharfUser;
        String expectedMode = (path.equals(root) || path.equals(postgres)) && switched
                ? "rwx--x--x"
                : directory || attributes.isOther() ? "rwx------" : "rw-------";
        String expected = expectedOwner + " " + expectedMode;
        return found.equals(expected) ? null : found + ", expected " + expected;
    }

    private boolean isBinary(Path path) {
        return path.startsWith(postgres)
                && !path.equals(postgres)
                && postgres.relativize(path).getName(0).toString().startsWith("binaries-");
    }

    private boolean isServers(Path path) {
        return path.startsWith(postgres)
                && !path.equals(postgres)
                && SERVERS.contains(postgres.relativize(path).getName(0).toString());
    }
}
