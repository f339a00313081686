package dev.wharf.adapters.out.jdbi.services;

import static dev.wharf.application.port.out.PersistenceFixture.HASHING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.adapters.out.jdbi.JdbiFixture;
import dev.wharf.application.port.in.dev.DevEnvironment;
import dev.wharf.application.port.in.dev.SetUpDevEnvironmentCommand;
import dev.wharf.application.service.dev.DevEnvironmentService;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.shared.ConflictException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Dev mode's set-up, against the real repositories on H2 and on PostgreSQL. */
class DevEnvironmentServiceOnDatabaseTest {
    abstract static class Contract {
        private JdbiFixture store;
        private DevEnvironmentService service;

        abstract JdbiFixture createFixture();

        @BeforeEach
        void setUp() {
            store = createFixture();
            service = new DevEnvironmentService(
                    store.transactions(),
                    store.organizations(),
                    store.projects(),
                    store.users(),
                    store.apiKeys(),
                    HASHING,
                    Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        }

        @AfterEach
        void tearDown() {
            store.close();
        }

        @Test
        void theFirstStartCreatesTheDefaultOrganizationProjectAdminAndAnAllScopesKey() {
            ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());

            DevEnvironment environment = service.setUp(new SetUpDevEnvironmentCommand(secret));

            assertThat(environment.created()).isTrue();
            Project project = store.projects().findById(environment.projectId()).orElseThrow();
            assertThat(project.id().value()).isEqualTo(1);
            assertThat(project.name()).isEqualTo("Default project");
            assertThat(store.organizations()
                            .findById(project.organizationId())
                            .orElseThrow()
                            .name())
                    .isEqualTo("Default organization");
            assertThat(store.users().findByEmail("dev@localhost").orElseThrow().id())
                    .isEqualTo(environment.userId());
            assertThat(store.organizations()
                            .findMembership(project.organizationId(), environment.userId())
                            .orElseThrow()
                            .role())
                    .isEqualTo(OrganizationRole.ADMIN);
            ApiKey key =
                    store.apiKeys().findBySecretDigest(secret.digest(HASHING)).orElseThrow();
            assertThat(key.scopes()).containsExactly(Scope.ALL);
            assertThat(key.projects()).isEmpty();
            assertThat(key.userId()).isEqualTo(environment.userId());
        }

        @Test
        void aRestartWithTheSameKeyChangesNothing() {
            ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
            DevEnvironment first = service.setUp(new SetUpDevEnvironmentCommand(secret));

            DevEnvironment second = service.setUp(new SetUpDevEnvironmentCommand(secret));

            assertThat(second.created()).isFalse();
            assertThat(second)
                    .isEqualTo(new DevEnvironment(
                            first.organizationId(), first.projectId(), first.userId(), first.apiKeyId(), false));
            assertThat(store.apiKeys().findByUser(first.userId())).hasSize(1);
        }

        @Test
        void aNewKeyIsAddedForTheSameAdmin() {
            DevEnvironment first =
                    service.setUp(new SetUpDevEnvironmentCommand(ApiKeySecret.generate(new SecureRandom())));
            ApiKeySecret chosen = ApiKeySecret.parse("phx_" + "a".repeat(40));

            DevEnvironment second = service.setUp(new SetUpDevEnvironmentCommand(chosen));

            assertThat(second.userId()).isEqualTo(first.userId());
            assertThat(second.apiKeyId()).isNotEqualTo(first.apiKeyId());
            assertThat(store.apiKeys().findBySecretDigest(chosen.digest(HASHING)))
                    .isPresent();
            assertThat(store.apiKeys().findByUser(first.userId())).hasSize(2);
        }

        @Test
        void aRevokedDevKeyIsNotBroughtBackByARestart() {
            ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
            DevEnvironment first = service.setUp(new SetUpDevEnvironmentCommand(secret));
            store.apiKeys().revoke(first.apiKeyId(), Instant.parse("2026-01-01T00:01:00Z"));

            assertThatThrownBy(() -> service.setUp(new SetUpDevEnvironmentCommand(secret)))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("revoked");
            assertThat(store.apiKeys().findBySecretDigest(secret.digest(HASHING)))
                    .isEmpty();
        }

        @Test
        void aDevKeyStoredByItsPlainSha256IsRewrittenToItsDigestAndNotIssuedAgain() {
            DevEnvironment earlier =
                    service.setUp(new SetUpDevEnvironmentCommand(ApiKeySecret.generate(new SecureRandom())));
            ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
            ApiKey old = new ApiKey(
                    ApiKeyId.random(),
                    earlier.userId(),
                    "dev mode",
                    secret.plainSha256(),
                    secret.mask(),
                    Set.of(Scope.ALL),
                    Set.of(),
                    Instant.parse("2025-12-01T00:00:00Z"));
            store.givenKeyStoredByPlainSha256(old);

            DevEnvironment environment = service.setUp(new SetUpDevEnvironmentCommand(secret));

            assertThat(environment.apiKeyId()).isEqualTo(old.id());
            assertThat(store.apiKeys().findByUser(earlier.userId())).hasSize(2);
            assertThat(store.apiKeys().findById(old.id()).orElseThrow().secretDigest())
                    .isEqualTo(secret.digest(HASHING));
            assertThat(store.apiKeys().findAll())
                    .extracting(ApiKey::secretDigest)
                    .doesNotContain(secret.plainSha256());
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        JdbiFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class OnPostgres extends Contract {
        @Override
        JdbiFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }
}
