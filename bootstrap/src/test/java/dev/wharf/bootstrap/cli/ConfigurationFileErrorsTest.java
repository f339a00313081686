package dev.wharf.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.bootstrap.CommandLine;
import dev.wharf.bootstrap.CommandLine.Run;
import dev.wharf.bootstrap.WharfApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code server}, {@code check}, {@code db migrate} and {@code generate} name a configuration file they cannot use in one line. */
class ConfigurationFileErrorsTest {
    @TempDir
    Path directory;

    @Test
    void aConfigurationFileThatCannotBeUsedIsOneLineNamingItForEveryCommand() throws Exception {
        Path missing = directory.resolve("missing.yml");
        Path folder = Files.createDirectory(directory.resolve("folder.yml"));
        Path malformed = Files.writeString(directory.resolve("malformed.yml"), "database: [\n  url: x\n");
        Path unknownKey = Files.writeString(directory.resolve("unknown-key.yml"), "databse:\n  url: x\n");
        Map<Path, String> expected = Map.of(
                missing, "wharf: the configuration file " + missing + " does not exist",
                folder, "wharf: the configuration file " + folder + " is a directory",
                malformed, "wharf: the configuration file " + malformed + " cannot be used: ",
                unknownKey, "wharf: the configuration file " + unknownKey + " cannot be used: ");

        for (List<String> command :
                List.of(List.of("server"), List.of("check"), List.of("db", "migrate"), List.of("generate"))) {
            for (Map.Entry<Path, String> file : expected.entrySet()) {
                Run refused = CommandLine.run(
                        (bootstrap, out) -> {
                            bootstrap.addCommand(new WharfServerCommand(new WharfApplication()));
                            bootstrap.addCommand(new WharfCheckCommand(new WharfApplication()));
                            bootstrap.addCommand(new DbCommand());
                            bootstrap.addCommand(new GenerateCommand(out));
                        },
                        file.getKey().toString(),
                        command.toArray(String[]::new));

                String what = command + " " + file.getKey().getFileName();
                assertThat(refused.failed()).as(what).isTrue();
                assertThat(refused.err())
                        .as(what)
                        .startsWith(file.getValue())
                        .hasLineCount(1)
                        .doesNotContain("\tat ")
                        .doesNotContain("Exception");
            }
        }
        assertThat(missing).doesNotExist();
    }
}
