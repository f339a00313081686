package dev.wharf.adapters.out.provisioning.postgres.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The modes of the embedded server's files: everything is its owner's only (files 600, directories 700), whether the
 * owner is Wharf's user or the server's. The exceptions are the server's directory itself, which the server's user must
 * pass through when it is another user (711, traversal only), and the unpacked binaries, public programs that user
 * must run (directories 755, files 644 or 755, written by Wharf's user only). Set at creation rather than left to the
 * umask, and tightened at every start for what older versions made readable by all.
 */
final class PrivateFiles {
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> TRAVERSABLE = PosixFilePermissions.fromString("rwx--x--x");
    static final String BINARIES = "binaries-";

    private PrivateFiles() {}

    static FileAttribute<Set<PosixFilePermission>> file() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }

    static FileAttribute<Set<PosixFilePermission>> directory() {
        return PosixFilePermissions.asFileAttribute(DIRECTORY);
    }

    /**
     * Makes each entry directly in {@code home} that Wharf's user owns owner-only, but the binaries; the server's own
     * ({@code data/}, {@code run/}, its TLS files, {@code pg_hba.conf}) are made so when they are prepared.
     */
    static void tighten(Path home) throws IOException {
        String self = System.getProperty("user.name");
        try (Stream<Path> entries = Files.list(home)) {
            for (Path entry : entries.toList()) {
                try {
                    tightenEntry(entry, self);
                } catch (NoSuchFileException gone) {
                    // Renamed or removed since the listing (admin.password.tmp, written meanwhile by another thread
                    // and moved into place): nothing of it is left to tighten.
                }
            }
        }
    }

    private static void tightenEntry(Path entry, String self) throws IOException {
        if (entry.getFileName().toString().startsWith(BINARIES)
                || Files.isSymbolicLink(entry)
                || !Files.getOwner(entry, LinkOption.NOFOLLOW_LINKS).getName().equals(self)) {
            return;
        }
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            Files.setPosixFilePermissions(entry, DIRECTORY);
        } else if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
            Files.setPosixFilePermissions(entry, FILE);
        }
    }

    /** Makes {@code file} the server's user's, owner-only: a file the server reads (its TLS files, pg_hba.conf). */
    static void forServer(Path file, ServerUser user) throws IOException {
        Files.setPosixFilePermissions(file, FILE);
        user.own(file);
    }
}
