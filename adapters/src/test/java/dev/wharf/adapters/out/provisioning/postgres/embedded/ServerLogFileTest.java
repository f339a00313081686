package dev.wharf.adapters.out.provisioning.postgres.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** postgres.log is capped, with one file moved aside, and its owner's only. */
class ServerLogFileTest {
    @TempDir
    Path directory;

    @Test
    void aLineThatWouldPassTheCapMovesTheFileAsideReplacingTheOneBefore() throws Exception {
        Path log = directory.resolve("postgres.log");
        try (ServerLogFile file = ServerLogFile.open(log, 100)) {
            for (int i = 0; i < 30; i++) {
                file.write("line " + i + " of the server's log"); // 26 or 27 bytes each: three or four to a file
            }
        }
        assertThat(Files.size(log)).isLessThanOrEqualTo(100);
        assertThat(Files.size(directory.resolve("postgres.log.1"))).isLessThanOrEqualTo(100);
        assertThat(Files.readAllLines(log)).last().isEqualTo("line 29 of the server's log");
        assertThat(Files.readAllLines(directory.resolve("postgres.log.1")))
                .last()
                .isEqualTo("line 26 of the server's log");
        try (var files = Files.list(directory)) {
            assertThat(files).hasSize(2);
        }
        for (Path file : new Path[] {log, directory.resolve("postgres.log.1")}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aFileOverTheCapIsMovedAsideWhenOpenedAndAnOpenOneIsClosed() throws Exception {
        Path log = directory.resolve("postgres.log");
        Files.writeString(log, "x".repeat(200));
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        try (ServerLogFile file = ServerLogFile.open(log, 100)) {
            file.write("after");
        }
        assertThat(Files.readString(log)).isEqualTo("after\n");
        assertThat(Files.size(directory.resolve("postgres.log.1"))).isEqualTo(200);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log)))
                .isEqualTo("rw-------");
    }
}
