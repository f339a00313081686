package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.testing.DataModes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every entry of a real {@code ./wharf dev}'s data directory, the warehouse server's included, has the owner and mode
 * of Wharf's rule ({@link DataModes}): walked whole, so a file added later without care fails it. A restart tightens
 * what older versions left readable by all.
 */
@Timeout(240)
class PrivateFilesIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration STOP = Duration.ofSeconds(30);

    @TempDir
    Path workDir;

    private final List<WharfProcess> processes = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        processes.forEach(WharfProcess::close);
    }

    @Test
    void everyFileUnderTheDataDirectoryIsItsOwnersOnlyAfterAStartAStopAndARestart() throws Exception {
        // The warehouse server runs as nobody when the tests run as root: it must pass through the directory above.
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwx--x--x"));
        Path dataDir = workDir.resolve("data");
        int port = WharfProcess.freePortPair();

        WharfProcess first = start(dataDir, port);
        assertThat(DataModes.violations(dataDir, dataDir.resolve("postgres"))).isEmpty();
        try (Stream<Path> entries = Files.list(dataDir)) {
            assertThat(entries.map(entry -> entry.getFileName().toString()))
                    .as("what the walk covered")
                    .contains("wharf.mv.db", "key.secret", "dev-api-key", "postgres");
        }
        first.sendSigterm();
        first.waitFor(STOP);
        assertThat(DataModes.violations(dataDir, dataDir.resolve("postgres"))).isEmpty();

        // What a version before this rule left: the directory and H2's files readable by all, a trace file.
        for (String file : new String[] {"wharf.mv.db", "key.secret", "dev-api-key", "postgres/server.crt"}) {
            Files.setPosixFilePermissions(dataDir.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.writeString(dataDir.resolve("wharf.trace.db"), "an H2 trace\n");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(DataModes.violations(dataDir, dataDir.resolve("postgres"))).hasSizeGreaterThanOrEqualTo(5);

        WharfProcess second = start(dataDir, port);
        assertThat(DataModes.violations(dataDir, dataDir.resolve("postgres"))).isEmpty();
        second.sendSigterm();
        second.waitFor(STOP);
        assertThat(DataModes.violations(dataDir, dataDir.resolve("postgres"))).isEmpty();
    }

    private WharfProcess start(Path dataDir, int port) {
        WharfProcess wharf = WharfProcess.dev(workDir, dataDir, port, WharfProcess.closedPort(), Map.of());
        processes.add(wharf);
        wharf.awaitLine("API key: phx_.*", START);
        wharf.awaitHealthy(port + 1, START);
        return wharf;
    }
}
