package dev.wharf.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.bootstrap.CommandLine;
import dev.wharf.bootstrap.CommandLine.Run;
import dev.wharf.bootstrap.DevData;
import dev.wharf.bootstrap.dev.DevDataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's commands without a configuration file open dev mode's data where {@code WHARF_DATA_DIR} says, and
 * never make any; a configuration file that cannot be used is one line naming it. In process, with the environment
 * given to the commands (see {@code OperatorCommandsIT} for the real process).
 */
class AdminCommandsWithoutConfigurationTest {
    @TempDir
    Path directory;

    private static Run wharf(Map<String, String> environment, String... args) throws Exception {
        return CommandLine.run((bootstrap, out) -> AdminCommands.addTo(bootstrap, out, environment), null, args);
    }

    private static Map<String, String> dataDir(Path path) {
        return Map.of(DevDataDirectory.VARIABLE, path.toString());
    }

    @Test
    void withoutAConfigurationTheCommandsUseTheDataDirectoryWharfDataDirNames() throws Exception {
        Path acme = DevData.migratedIn(directory.resolve("acme")).path();
        Path other = DevData.migratedIn(directory.resolve("other")).path();

        Run created = wharf(dataDir(acme), "org", "create", "--name", "Acme Inc");
        assertThat(created.failed()).as(created.err()).isFalse();
        assertThat(created.out()).startsWith("Created organization ");

        Run listed = wharf(dataDir(acme), "org", "list");
        assertThat(listed.failed()).as(listed.err()).isFalse();
        assertThat(listed.out()).startsWith("ID").contains("Acme Inc");
        assertThat(listed.err()).isEmpty();
        Run elsewhere = wharf(dataDir(other), "org", "list");
        assertThat(elsewhere.out()).doesNotContain("Acme Inc");
        assertThat(elsewhere.out().lines()).hasSize(1);
    }

    @Test
    void withoutDataTheyRefuseWithOneLineAndCreateNothing() throws Exception {
        Path missing = directory.resolve("missing");
        Path empty = Files.createDirectory(directory.resolve("empty"));

        for (Path dataDir : new Path[] {missing, empty}) {
            for (String[] args : new String[][] {
                {"org", "list"},
                {"org", "create", "--name", "Acme"},
                {"key", "list"},
                {"key", "create", "--email", "a@example.com", "--label", "ci", "--scopes", "*"}
            }) {
                Run refused = wharf(dataDir(dataDir), args);

                assertThat(refused.failed()).isTrue();
                assertThat(refused.err())
                        .isEqualTo("wharf: there is no Wharf data at " + dataDir
                                + "; start ./wharf dev first or pass a configuration file\n");
                assertThat(refused.out()).isEmpty();
            }
        }
        assertThat(missing).doesNotExist();
        try (Stream<Path> left = Files.list(empty)) {
            assertThat(left).as("no database, no key.secret").isEmpty();
        }
    }

    @Test
    void keyCreateOnDataWithoutItsKeySecretIsRefusedAndNoSecretIsMade() throws Exception {
        DevDataDirectory data = DevData.migratedIn(directory.resolve("data"));
        String orgId = wharf(dataDir(data.path()), "org", "create", "--name", "Acme")
                .out()
                .replaceAll("(?s)^Created organization (\\S+) .*$", "$1");
        wharf(dataDir(data.path()), "user", "create", "--email", "ann@example.com", "--org", orgId, "--role", "admin");

        Run refused = wharf(
                dataDir(data.path()), "key", "create", "--email", "ann@example.com", "--label", "ci", "--scopes", "*");

        assertThat(refused.failed()).isTrue();
        assertThat(refused.err())
                .startsWith("wharf: the key-hashing secret file " + data.keySecretFile() + " ")
                .hasLineCount(1);
        assertThat(refused.out()).doesNotContain("phx_");
        assertThat(data.keySecretFile()).doesNotExist();
        assertThat(wharf(dataDir(data.path()), "user", "list").out()).contains("ann@example.com");
    }

    @Test
    void aConfigurationFileThatCannotBeUsedIsOneLineNamingIt() throws Exception {
        Path missing = directory.resolve("missing.yml");
        Path folder = Files.createDirectory(directory.resolve("folder.yml"));
        Path malformed = Files.writeString(directory.resolve("malformed.yml"), "database: [\n  url: x\n");
        Path wrongType = Files.writeString(directory.resolve("wrong-type.yml"), "database: 5\n");
        Path unknownKey = Files.writeString(directory.resolve("unknown-key.yml"), "databse:\n  url: x\n");

        Map<Path, String> expected = Map.of(
                missing, "wharf: the configuration file " + missing + " does not exist",
                folder, "wharf: the configuration file " + folder + " is a directory",
                malformed, "wharf: the configuration file " + malformed + " cannot be used: ",
                wrongType, "wharf: the configuration file " + wrongType + " cannot be used: ",
                unknownKey, "wharf: the configuration file " + unknownKey + " cannot be used: ");
        for (Map.Entry<Path, String> file : expected.entrySet()) {
            Run refused = CommandLine.run(AdminCommands::addTo, file.getKey().toString(), "org", "list");

            assertThat(refused.failed()).as(file.getKey().toString()).isTrue();
            assertThat(refused.err())
                    .as(file.getKey().toString())
                    .startsWith(file.getValue())
                    .hasLineCount(1)
                    .doesNotContain("\tat ")
                    .doesNotContain("Exception");
            assertThat(refused.out()).isEmpty();
        }
        assertThat(missing).doesNotExist();
    }
}
