package dev.wharf.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wharf.bootstrap.StartupException;
import dev.wharf.bootstrap.cli.KeySecretFile;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.KeyHashingSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the key-hashing secret comes from, and what stops the start, naming the setting and never the value. */
class AuthConfigurationTest {
    private static final String SECRET = "4e9a1c7f3b5d2e8a6c0f9b1d3e5a7c2f8b4d6e0a1c3f5b7d9e2a4c6f8b0d1e3a";
    private static final ApiKeySecret KEY = ApiKeySecret.generate(new SecureRandom());

    @TempDir
    Path directory;

    private static AuthConfiguration inline(String secret) {
        AuthConfiguration auth = new AuthConfiguration();
        auth.setKeySecret(secret);
        return auth;
    }

    private static AuthConfiguration inFile(Path file) {
        AuthConfiguration auth = new AuthConfiguration();
        auth.setKeySecretFile(file.toString());
        return auth;
    }

    @Test
    void aSecretGivenInlineIsDecoded() {
        assertThat(KEY.digest(inline(SECRET).keyHashingSecret()))
                .isEqualTo(KEY.digest(KeyHashingSecret.decode(SECRET)));
    }

    @Test
    void aMissingSecretStopsTheStartNamingTheSettingAndTheVariable() {
        for (String missing : new String[] {null, "", "  "}) {
            assertThatThrownBy(() -> inline(missing).keyHashingSecret())
                    .isInstanceOf(StartupException.class)
                    .hasMessageStartingWith("auth.keySecret is not set (WHARF_KEY_SECRET in config/postgres.yml)");
        }
    }

    @Test
    void aShortPatternedOrUnreadableSecretIsRefusedWithoutQuotingIt() {
        for (String bad : new String[] {SECRET.substring(0, 62), "ab".repeat(32), "not a secret, just words here!!"}) {
            assertThatThrownBy(() -> inline(bad).keyHashingSecret())
                    .as(bad)
                    .isInstanceOf(StartupException.class)
                    .hasMessageStartingWith("auth.keySecret (WHARF_KEY_SECRET in config/postgres.yml) cannot be used:")
                    .message()
                    .doesNotContain(bad);
        }
    }

    @Test
    void aSecretAndAFileTogetherAreRefused() {
        AuthConfiguration both = inline(SECRET);
        both.setKeySecretFile(directory.resolve("key.secret").toString());

        assertThatThrownBy(both::keyHashingSecret)
                .isInstanceOf(StartupException.class)
                .hasMessage("auth.keySecret and auth.keySecretFile are both set: set one of them");
    }

    @Test
    void aMissingFileIsCreatedOwnerOnlyAndReadBackTheSameNextTime() throws IOException {
        Path file = directory.resolve("data").resolve("key.secret");

        KeyHashingSecret first = inFile(file).keyHashingSecret();
        KeyHashingSecret again = inFile(file).keyHashingSecret();

        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).matches("[0-9a-f]{64}\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(KEY.digest(again)).isEqualTo(KEY.digest(first));
        try (var left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary file is left behind").containsExactly(file);
        }
    }

    @Test
    void aMissingFileBesideExistingDataStopsTheStartInsteadOfBeingReplaced() throws IOException {
        Path file = directory.resolve("key.secret");
        Files.writeString(directory.resolve(KeySecretFile.METADATA_FILE), "metadata");

        assertThatThrownBy(() -> inFile(file).keyHashingSecret())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is missing")
                .hasMessageContaining("restore the file")
                .hasMessageNotContaining("\n");
        assertThat(file).as("no new secret was made").doesNotExist();
    }

    @Test
    void twoFilesMakeTwoDifferentSecrets() {
        KeyHashingSecret one = inFile(directory.resolve("one")).keyHashingSecret();
        KeyHashingSecret two = inFile(directory.resolve("two")).keyHashingSecret();

        assertThat(KEY.digest(one)).isNotEqualTo(KEY.digest(two));
    }

    @Test
    void aDamagedFileStopsTheStartNamingTheFileWithoutQuotingIt() throws IOException {
        Path file = directory.resolve("key.secret");
        Files.writeString(file, "0123456789abcdef\n");

        assertThatThrownBy(() -> inFile(file).keyHashingSecret())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("auth.keySecretFile")
                .message()
                .doesNotContain("0123456789abcdef");
        assertThat(Files.readString(file)).as("left as it was").isEqualTo("0123456789abcdef\n");
    }

    @Test
    void theSecretIsNeverWrittenOutWithTheConfiguration() throws IOException {
        String written = new ObjectMapper()
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .writeValueAsString(inline(SECRET));

        assertThat(written).doesNotContain(SECRET);
        assertThat(inline(SECRET).toString()).doesNotContain(SECRET);
    }
}
