package dev.wharf.adapters.out.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.adapters.out.jdbi.project.JdbiApiKeyRepository;
import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.testing.TestDatabase;
import dev.wharf.testing.TestDatabases;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Migration V9 on a database that Wharf filled at version 8, its keys stored by their plain SHA-256: the working keys
 * keep it until their first use rewrites it, the revoked ones lose it at once. On H2 and on PostgreSQL.
 */
class ApiKeyDigestsMigrationTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    abstract static class Contract {
        private TestDatabase database;
        private Jdbi jdbi;

        abstract TestDatabase createDatabase();

        @BeforeEach
        void migrateToVersion8() {
            database = createDatabase();
            Flyway.configure()
                    .dataSource(database.dataSource())
                    .locations("classpath:db/migration")
                    .target("8")
                    .load()
                    .migrate();
            jdbi = WharfJdbi.create(database.dataSource());
        }

        @AfterEach
        void tearDown() {
            database.close();
        }

        private UUID storedAtVersion8(UUID user, ApiKeySecret secret, Instant revokedAt) {
            UUID id = UUID.randomUUID();
            jdbi.useHandle(handle -> handle.createUpdate("""
                            INSERT INTO personal_api_key (id, user_id, label, secret_hash, mask, scopes, created_at,
                                revoked_at)
                            VALUES (:id, :user, 'old', :hash, :mask, '*', :createdAt, :revokedAt)""")
                    .bind("id", id)
                    .bind("user", user)
                    .bind("hash", secret.plainSha256())
                    .bind("mask", secret.mask())
                    .bind("createdAt", T0)
                    .bind("revokedAt", revokedAt)
                    .execute());
            return id;
        }

        private Map<UUID, String> storedHashes() {
            return jdbi.withHandle(handle -> handle
                    .createQuery("SELECT id, secret_hash FROM personal_api_key")
                    .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("secret_hash")))
                    .list()
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        }

        @Test
        void workingKeysKeepTheirPlainHashUntilFirstUseAndRevokedKeysLoseItAtOnce() {
            UUID user = UUID.randomUUID();
            jdbi.useHandle(handle -> handle.createUpdate(
                            "INSERT INTO app_user (id, email, created_at) VALUES (:id, 'ann@example.com', :at)")
                    .bind("id", user)
                    .bind("at", T0.atOffset(ZoneOffset.UTC))
                    .execute());
            SecureRandom random = new SecureRandom();
            List<ApiKeySecret> working = List.of(ApiKeySecret.generate(random), ApiKeySecret.generate(random));
            List<ApiKeySecret> revoked = List.of(ApiKeySecret.generate(random), ApiKeySecret.generate(random));
            UUID first = storedAtVersion8(user, working.get(0), null);
            UUID second = storedAtVersion8(user, working.get(1), null);
            UUID third = storedAtVersion8(user, revoked.get(0), T0.plusSeconds(60));
            UUID fourth = storedAtVersion8(user, revoked.get(1), T0.plusSeconds(60));

            FlywayMigrations migrations = new FlywayMigrations(database.dataSource());
            int pending = migrations.pendingCount();
            assertThat(pending).as("V9 and any later migration").isPositive();
            assertThat(migrations.migrate()).isEqualTo(pending);

            Map<UUID, String> hashes = storedHashes();
            assertThat(hashes.get(first)).isEqualTo(working.get(0).plainSha256());
            assertThat(hashes.get(second)).isEqualTo(working.get(1).plainSha256());
            for (UUID id : List.of(third, fourth)) {
                assertThat(hashes.get(id)).matches("^[0-9a-f]{64}$");
            }
            assertThat(hashes.get(third)).isNotEqualTo(hashes.get(fourth));
            assertThat(hashes.values())
                    .doesNotContain(revoked.get(0).plainSha256(), revoked.get(1).plainSha256());

            JdbiApiKeyRepository keys = new JdbiApiKeyRepository(jdbi);
            String digest = working.get(0).digest(PersistenceFixture.HASHING);
            assertThat(keys.upgradePlainSha256(working.get(0).plainSha256(), digest))
                    .hasValueSatisfying(key -> assertThat(key.id().value()).isEqualTo(first));
            for (ApiKeySecret gone : revoked) {
                assertThat(keys.upgradePlainSha256(gone.plainSha256(), gone.digest(PersistenceFixture.HASHING)))
                        .isEmpty();
            }
            assertThat(storedHashes())
                    .containsEntry(first, digest)
                    .containsEntry(second, working.get(1).plainSha256())
                    .containsEntry(third, hashes.get(third))
                    .containsEntry(fourth, hashes.get(fourth));
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
