package dev.wharf.testing;

import dev.wharf.adapters.out.provisioning.postgres.embedded.EmbeddedPostgres;
import dev.wharf.adapters.out.provisioning.postgres.embedded.EmbeddedPostgresSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Wharf's embedded PostgreSQL server for tests, each in a temporary directory of its own on a free port, all sharing
 * one unpacked copy of the binaries per test JVM. {@link #shared()} is one server for the whole JVM. Every directory
 * made here is removed when the JVM exits.
 */
public final class EmbeddedServers {
    private static final List<Path> MADE = new ArrayList<>();
    private static Path binaries;
    private static EmbeddedPostgres shared;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedServers::removeAll));
    }

    private EmbeddedServers() {}

    /** One started server for the whole test JVM, stopped when it exits. */
    public static synchronized EmbeddedPostgres shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    /** A new server of the caller's own, started; the caller stops it. */
    public static EmbeddedPostgres start() {
        EmbeddedPostgres server = new EmbeddedPostgres(settings(directory("wharf-pg"), Ports.free()));
        server.start();
        return server;
    }

    /** Settings for a server under {@code directory} (its {@code postgres/}), with the shared binaries. */
    public static EmbeddedPostgresSettings settings(Path directory, int port) {
        return new EmbeddedPostgresSettings(
                directory.resolve("postgres"),
                binaries(),
                "127.0.0.1",
                port,
                null,
                List.of("localhost", "127.0.0.1"),
                100,
                Duration.ofSeconds(10),
                Duration.ofSeconds(60));
    }

    /** The binaries inside Wharf, unpacked once per test JVM. */
    public static synchronized Path binaries() {
        if (binaries == null) {
            binaries = EmbeddedPostgres.binaries(directory("wharf-pg-binaries"));
        }
        return binaries;
    }

    /**
     * A new temporary directory that the server's user may pass through (mode 711): when the tests run as root, the
     * server runs as {@code nobody}, and JUnit's own temporary directories (mode 700) would keep it out.
     */
    public static synchronized Path directory(String prefix) {
        try {
            Path directory = Files.createTempDirectory(prefix);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx--x--x"));
            MADE.add(directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void removeAll() {
        if (shared != null) {
            shared.stop();
        }
        for (Path directory : MADE) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException | UncheckedIOException ignored) {
                // a temporary directory left behind is harmless
            }
        }
    }
}
