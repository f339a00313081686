package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar wharf.jar org …} without a configuration file, as a real process with a real environment. */
@Timeout(120)
class OperatorCommandsIT {
    private static final Duration EXIT = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    @Test
    void withoutAConfigurationTheyOpenTheDataWharfDataDirNamesAndNeverMakeAny() {
        Path dataDir = workDir.resolve("data");

        WharfProcess noVariable = WharfProcess.start(workDir, Map.of(), "org", "list");
        assertRefused(noVariable, workDir.resolve(".wharf"));
        WharfProcess noData = WharfProcess.start(workDir, dataDirIs(dataDir), "org", "create", "--name", "Acme");
        assertRefused(noData, dataDir);
        assertThat(workDir.resolve(".wharf")).doesNotExist();
        assertThat(dataDir).doesNotExist();

        DevData.migratedIn(dataDir);
        WharfProcess created = WharfProcess.start(workDir, dataDirIs(dataDir), "org", "create", "--name", "Acme");
        assertThat(created.waitFor(EXIT)).as(created.transcript()).isZero();
        WharfProcess listed = WharfProcess.start(workDir, dataDirIs(dataDir), "org", "list");
        assertThat(listed.waitFor(EXIT)).as(listed.transcript()).isZero();
        assertThat(listed.stdout()).anyMatch(line -> line.endsWith("  Acme"));
        assertThat(workDir.resolve(".wharf")).doesNotExist();
    }

    private static Map<String, String> dataDirIs(Path dataDir) {
        return Map.of("WHARF_DATA_DIR", dataDir.toString());
    }

    private static void assertRefused(WharfProcess command, Path dataDir) {
        assertThat(command.waitFor(EXIT)).as(command.transcript()).isNotZero();
        List<String> errors =
                command.stderr().stream().filter(line -> !line.isBlank()).toList();
        assertThat(errors)
                .as(command.transcript())
                .containsExactly("wharf: there is no Wharf data at " + dataDir
                        + "; start ./wharf dev first or pass a configuration file");
        assertThat(command.stdout()).as(command.transcript()).allMatch(String::isBlank);
    }
}
