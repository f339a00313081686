package dev.wharf.bootstrap.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where dev mode and the operator's commands find dev mode's data. */
class DevDataDirectoryTest {
    @Test
    void wharfDataDirNamesItAndDotWharfIsTheDefaultBothAbsolute() {
        Path workingDirectory = Path.of("").toAbsolutePath();

        assertThat(DevDataDirectory.of(Map.of()).path()).isEqualTo(workingDirectory.resolve(".wharf"));
        assertThat(DevDataDirectory.of(Map.of("WHARF_DATA_DIR", " ")).path())
                .isEqualTo(workingDirectory.resolve(".wharf"));
        assertThat(DevDataDirectory.of(Map.of("WHARF_DATA_DIR", "data/../wharf-data"))
                        .path())
                .isEqualTo(workingDirectory.resolve("wharf-data"));
        assertThat(DevDataDirectory.of(Map.of("WHARF_DATA_DIR", "/srv/wharf")).path())
                .isEqualTo(Path.of("/srv/wharf"));
    }

    @Test
    void theCommandsOpenTheMetadataDevModeMakesButNeverMakeIt() {
        DevDataDirectory data = DevDataDirectory.of(Map.of("WHARF_DATA_DIR", "/srv/wharf"));

        assertThat(data.metadataFile()).isEqualTo(Path.of("/srv/wharf/wharf.mv.db"));
        assertThat(data.metadataUrl())
                .startsWith("jdbc:h2:file:/srv/wharf/wharf;")
                .contains(";WRITE_DELAY=0");
        assertThat(data.existingMetadataUrl()).startsWith(data.metadataUrl()).endsWith(";IFEXISTS=TRUE");
        assertThat(data.keySecretFile()).isEqualTo(Path.of("/srv/wharf/key.secret"));
        assertThat(data.apiKeyFile()).isEqualTo(Path.of("/srv/wharf/dev-api-key"));
        assertThat(data.postgres()).isEqualTo(Path.of("/srv/wharf/postgres"));
    }
}
