package dev.wharf.bootstrap.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.bootstrap.StartupException;
import dev.wharf.bootstrap.cli.KeySecretFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dev mode's data directory and Wharf's files in it are made its owner's only, and only Wharf's files. */
class DevDataModesTest {
    @TempDir
    Path directory;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    @Test
    void aNewDataDirectoryIsPrivateOrTraversableOnlyWithAnEmptyPrivateMetadataFileThatHoldsNoData() throws Exception {
        DevDataDirectory own = new DevDataDirectory(directory.resolve("parent/own"));
        DevDataDirectory shared = new DevDataDirectory(directory.resolve("shared"));

        DevDataModes.prepare(own, false);
        DevDataModes.prepare(shared, true);

        assertThat(mode(own.path())).isEqualTo("rwx------");
        assertThat(mode(shared.path())).isEqualTo("rwx--x--x");
        assertThat(mode(own.metadataFile())).isEqualTo("rw-------");
        assertThat(own.metadataFile()).isEmptyFile();
        assertThat(own.hasMetadata()).as("an empty file is no data").isFalse();
        KeySecretFile.loadOrCreate(own.keySecretFile());
        assertThat(mode(own.keySecretFile())).isEqualTo("rw-------");
    }

    @Test
    void whatOlderVersionsLeftReadableByAllIsTightenedAndNothingElse() throws Exception {
        Path data = directory.resolve("data");
        Path[] wharfs = {
            write(data.resolve("wharf.mv.db"), "h2 data"),
            write(data.resolve("wharf.trace.db"), "trace"),
            write(data.resolve("dev-api-key"), "phx_key"),
            write(data.resolve("key.secret"), "secret"),
            write(data.resolve("warehouses.h2-retired/older.mv.db"), "warehouse"),
            write(data.resolve("warehouses/engine.secret"), "secret")
        };
        Path operators = write(data.resolve("notes.txt"), "the operator's");
        Path servers = write(data.resolve("postgres/postgres.log"), "the server's own");
        for (Path folder : new Path[] {data, data.resolve("warehouses"), data.resolve("warehouses.h2-retired")}) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        DevDataModes.prepare(new DevDataDirectory(data), false);

        assertThat(mode(data)).isEqualTo("rwx------");
        for (Path file : wharfs) {
            assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
        }
        assertThat(mode(data.resolve("warehouses"))).isEqualTo("rwx------");
        assertThat(mode(data.resolve("warehouses.h2-retired"))).isEqualTo("rwx------");
        assertThat(data.resolve("wharf.mv.db")).hasContent("h2 data");
        assertThat(mode(operators)).isEqualTo("rw-r--r--");
        assertThat(mode(servers)).as("the server's directory sees to its own").isEqualTo("rw-r--r--");
    }

    @Test
    void aDirectoryOthersMayWriteInOrHoldingOtherFilesIsRefusedAndKeepsItsMode() throws Exception {
        Path sticky = Files.createDirectory(directory.resolve("tmp-like"));
        Files.setAttribute(sticky, "unix:mode", 01777);
        Path checkout = Files.createDirectory(directory.resolve("checkout"));
        write(checkout.resolve("pom.xml"), "<project/>");
        Files.setPosixFilePermissions(checkout, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThatThrownBy(() -> DevDataModes.prepare(new DevDataDirectory(sticky), false))
                .isInstanceOf(StartupException.class)
                .hasMessage("the data directory " + sticky + " is writable by others: choose a directory of Wharf's"
                        + " own with WHARF_DATA_DIR, such as " + sticky.resolve("wharf"));
        assertThat((Integer) Files.getAttribute(sticky, "unix:mode") & 07777).isEqualTo(01777);
        assertThatThrownBy(() -> DevDataModes.prepare(new DevDataDirectory(checkout), false))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("the data directory " + checkout + " holds files that are not Wharf's");
        assertThat(mode(checkout)).isEqualTo("rwxr-xr-x");
        assertThat(checkout.resolve("wharf.mv.db")).doesNotExist();
    }
}
