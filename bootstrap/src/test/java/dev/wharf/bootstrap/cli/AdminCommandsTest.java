package dev.wharf.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.adapters.out.jdbi.FlywayMigrations;
import dev.wharf.adapters.out.jdbi.WharfJdbi;
import dev.wharf.adapters.out.jdbi.project.JdbiApiKeyRepository;
import dev.wharf.application.service.auth.ApiKeyAuthenticationService;
import dev.wharf.bootstrap.CommandLine;
import dev.wharf.bootstrap.CommandLine.Run;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.KeyHashingSecret;
import dev.wharf.testing.TestDatabase;
import dev.wharf.testing.TestDatabases;
import io.dropwizard.core.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's commands as the jar runs them (Dropwizard's {@link Cli}, argument parsing, the configuration file),
 * in process against a fresh migrated database, on H2 and on PostgreSQL.
 */
class AdminCommandsTest {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String KEY_SECRET = "3c8e1f5a9b2d7e4c6a0f8b3d5e1c7a9f2b4d6e8a0c3f5b7d9e1a2c4f6b8d0e3a";

    abstract static class Contract {
        @TempDir
        Path directory;

        private TestDatabase database;
        private String config;
        private String configWithoutKeySecret;
        private ApiKeyAuthenticationService authentication;

        abstract TestDatabase createDatabase();

        @BeforeEach
        void setUp() throws IOException {
            database = createDatabase();
            new FlywayMigrations(database.dataSource()).migrate();
            authentication = new ApiKeyAuthenticationService(
                    new JdbiApiKeyRepository(WharfJdbi.create(database.dataSource())),
                    KeyHashingSecret.decode(KEY_SECRET));
            config = writeConfig("wharf.yml", "auth:\n  keySecret: " + KEY_SECRET + "\n");
            configWithoutKeySecret = writeConfig("no-key-secret.yml", "");
        }

        private String writeConfig(String name, String auth) throws IOException {
            Path file = directory.resolve(name);
            Files.writeString(
                    file,
                    """
                    migrateOnStart: false
                    database:
                      driverClass: %s
                      url: "%s"
                      user: "%s"
                      password: "%s"
                      minSize: 1
                      initialSize: 1
                      maxSize: 4
                    logging:
                      level: WARN
                    """.formatted(
                                            "h2".equals(database.engine()) ? "org.h2.Driver" : "org.postgresql.Driver",
                                            database.jdbcUrl(),
                                            database.username(),
                                            database.password())
                            + auth);
            return file.toString();
        }

        @AfterEach
        void tearDown() {
            database.close();
        }

        Run wharf(String... args) throws Exception {
            return wharfWith(config, args);
        }

        Run wharfWith(String configFile, String... args) throws Exception {
            return CommandLine.run(AdminCommands::addTo, configFile, args);
        }

        private static String firstId(String text) {
            Matcher matcher = UUID.matcher(text);
            assertThat(matcher.find()).as("an id in %s", text).isTrue();
            return matcher.group();
        }

        @Test
        void aKeyCreatedByTheCommandsAuthenticatesUntilItIsRevokedAndIsNeverListed() throws Exception {
            Run org = wharf("org", "create", "--name", "Acme Inc");
            String orgId = firstId(org.out());
            assertThat(wharf("org", "list").out()).contains(orgId).contains("Acme Inc");

            assertThat(wharf("project", "create", "--org", orgId, "--name", "Web", "--time-zone", "Europe/Paris")
                            .out())
                    .startsWith("Created project 1 (Web)");
            assertThat(wharf("project", "create", "--org", orgId, "--name", "Ten", "--id", "10")
                            .out())
                    .startsWith("Created project 10 (Ten)");
            assertThat(wharf("project", "list", "--org", orgId).out())
                    .contains("Europe/Paris")
                    .contains("Ten");

            assertThat(wharf("user", "create", "--email", "Ann@Example.com", "--org", orgId, "--role", "admin")
                            .out())
                    .startsWith("Created user ")
                    .contains("ann@example.com")
                    .contains("(admin)");
            assertThat(wharf("user", "list", "--org", orgId).out()).contains("ann@example.com");

            Run created = wharf(
                    "key",
                    "create",
                    "--email",
                    "ann@example.com",
                    "--label",
                    "ci",
                    "--scopes",
                    "warehouse_view:read,warehouse_jobs:write",
                    "--projects",
                    "1,10");
            assertThat(created.failed()).as(created.err()).isFalse();
            Matcher line = Pattern.compile("(?m)^API key: (phx_\\S+)$").matcher(created.out());
            assertThat(line.find()).as(created.out()).isTrue();
            String plaintext = line.group(1);
            assertThat(created.out().split(Pattern.quote(plaintext), -1)).hasSize(2);
            String keyId = firstId(created.out());

            assertThat(authentication.authenticate(plaintext))
                    .hasValueSatisfying(
                            actor -> assertThat(actor.apiKeyId().toString()).isEqualTo(keyId));

            String digest = ApiKeySecret.parse(plaintext).digest(KeyHashingSecret.decode(KEY_SECRET));
            String plainHash = ApiKeySecret.parse(plaintext).plainSha256();
            Run listed = wharf("key", "list");
            assertThat(listed.out())
                    .contains(keyId)
                    .contains(plaintext.substring(0, 8))
                    .doesNotContain(plaintext)
                    .doesNotContain(digest)
                    .doesNotContain(plainHash);

            Run revoked = wharf("key", "revoke", "--id", keyId);
            assertThat(revoked.out()).startsWith("Revoked API key " + keyId).doesNotContain(plaintext);

            assertThat(authentication.authenticate(plaintext)).isEmpty();
            Run afterwards = wharf("key", "list", "--email", "ann@example.com");
            assertThat(afterwards.out())
                    .contains(keyId)
                    .doesNotContain(plaintext)
                    .doesNotContain(digest)
                    .doesNotContain(plainHash);
            assertThat(afterwards.out().lines().skip(1).findFirst().orElseThrow())
                    .matches(".*Z  ci$");
        }

        @Test
        void issuingAKeyNeedsTheKeySecretWhileListingAndRevokingDoNot() throws Exception {
            String orgId = firstId(wharf("org", "create", "--name", "Acme").out());
            wharf("user", "create", "--email", "ann@example.com", "--org", orgId, "--role", "admin");

            Run refused = wharfWith(
                    configWithoutKeySecret,
                    "key",
                    "create",
                    "--email",
                    "ann@example.com",
                    "--label",
                    "ci",
                    "--scopes",
                    "*");

            assertThat(refused.failed()).isTrue();
            assertThat(refused.err())
                    .startsWith("wharf: auth.keySecret is not set")
                    .doesNotContain("\tat ")
                    .hasLineCount(1);
            assertThat(refused.out()).doesNotContain("phx_");
            assertThat(wharfWith(configWithoutKeySecret, "key", "list").out().lines())
                    .as("no key was stored")
                    .hasSize(1);

            Run created = wharf("key", "create", "--email", "ann@example.com", "--label", "ci", "--scopes", "*");
            String keyId = firstId(created.out());
            Run listed = wharfWith(configWithoutKeySecret, "key", "list");
            assertThat(listed.failed()).as(listed.err()).isFalse();
            assertThat(listed.out()).contains(keyId);
            Run revoked = wharfWith(configWithoutKeySecret, "key", "revoke", "--id", keyId);
            assertThat(revoked.failed()).as(revoked.err()).isFalse();
            assertThat(revoked.out()).startsWith("Revoked API key " + keyId);
        }

        @Test
        void aKeySecretTooShortToBeRandomIsRefusedWithoutBeingPrinted() throws Exception {
            String shortSecret = KEY_SECRET.substring(0, 40);
            String weak = writeConfig("weak.yml", "auth:\n  keySecret: " + shortSecret + "\n");
            String orgId = firstId(wharf("org", "create", "--name", "Acme").out());
            wharf("user", "create", "--email", "ann@example.com", "--org", orgId, "--role", "admin");

            Run refused =
                    wharfWith(weak, "key", "create", "--email", "ann@example.com", "--label", "ci", "--scopes", "*");

            assertThat(refused.failed()).isTrue();
            assertThat(refused.err())
                    .startsWith("wharf: auth.keySecret ")
                    .contains("at least 32 random bytes")
                    .doesNotContain(shortSecret)
                    .hasLineCount(1);
            assertThat(refused.out()).doesNotContain(shortSecret).doesNotContain("phx_");
        }

        @Test
        void aWrongArgumentOrUnknownReferenceIsOneLineOnStandardError() throws Exception {
            Run badOrg = wharf("project", "create", "--org", "acme", "--name", "Web");
            assertThat(badOrg.failed()).isTrue();
            assertThat(badOrg.err()).isEqualTo("wharf: --org must be an organization id (a UUID), got 'acme'\n");

            Run unknownUser = wharf("key", "create", "--email", "nobody@example.com", "--label", "ci", "--scopes", "*");
            assertThat(unknownUser.failed()).isTrue();
            assertThat(unknownUser.err()).isEqualTo("wharf: no user has the e-mail nobody@example.com\n");
            assertThat(unknownUser.out()).doesNotContain("phx_");

            String orgId = firstId(wharf("org", "create", "--name", "Acme").out());
            Run badRole = wharf("user", "create", "--email", "a@example.com", "--org", orgId, "--role", "king");
            assertThat(badRole.err()).isEqualTo("wharf: --role must be member, admin or owner, got 'king'\n");

            Run otherDigits = wharf("project", "create", "--org", orgId, "--name", "Web", "--id", "\u0661\u0662");
            assertThat(otherDigits.failed()).isTrue();
            assertThat(otherDigits.err()).startsWith("wharf: --id must be a positive integer, got '");
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        TestDatabase createDatabase() {
            return TestDatabases.h2();
        }
    }

    @Nested
    class OnPostgres extends Contract {
        @Override
        TestDatabase createDatabase() {
            return TestDatabases.postgres();
        }
    }
}
