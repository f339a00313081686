package dev.wharf.application.port.out.auth;

import static dev.wharf.application.port.out.PersistenceFixture.HASHING;
import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static dev.wharf.application.port.out.PersistenceFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.out.FixtureContract;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How an {@link ApiKeyRepository} treats keys stored before keyed digests (migration V9), by the plain SHA-256 of
 * their secret: rewritten to their digest in place on first use, never when revoked, and forgotten when revoked.
 */
public abstract class PlainSha256KeysContract extends FixtureContract {

    /** A key as Wharf stored it before V9: by the plain SHA-256 of its secret. */
    private User user;

    @BeforeEach
    void givenAUserWithAProject() {
        store.givenProject(1);
        user = store.givenUser("someone@example.com");
    }

    private ApiKey storedByPlainSha256(User user, ApiKeySecret secret, String label) {
        ApiKey key = new ApiKey(
                ApiKeyId.random(),
                user.id(),
                label,
                secret.plainSha256(),
                secret.mask(),
                Set.of(Scope.WAREHOUSE_VIEW_READ),
                Set.of(ProjectId.of(1)),
                T0);
        store.givenKeyStoredByPlainSha256(key);
        return key;
    }

    @Test
    void aKeyStoredByItsPlainSha256IsRewrittenToItsDigestInPlaceOnce() {
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        ApiKey old = storedByPlainSha256(user, secret, "old");
        String digest = secret.digest(HASHING);
        assertThat(store.apiKeys().findBySecretDigest(digest)).isEmpty();
        assertThat(store.apiKeys().findBySecretDigest(secret.plainSha256()))
                .as("a plain SHA-256 is not a digest")
                .isEmpty();

        ApiKey upgraded =
                store.apiKeys().upgradePlainSha256(secret.plainSha256(), digest).orElseThrow();

        ApiKey expected = new ApiKey(old.id(), user.id(), "old", digest, old.mask(), old.scopes(), old.projects(), T0);
        assertThat(upgraded).isEqualTo(expected);
        assertThat(store.apiKeys().findBySecretDigest(digest)).contains(expected);
        assertThat(store.apiKeys().findAll()).containsExactly(expected);
        assertThat(store.apiKeys().upgradePlainSha256(secret.plainSha256(), digest))
                .as("asked again, it is found by its digest")
                .contains(expected);
        assertThat(store.apiKeys().findAll()).containsExactly(expected);
    }

    @Test
    void onlyAKeyStillStoredByItsPlainSha256IsRewritten() {
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        ApiKey current =
                ApiKey.issue(ApiKeyId.random(), user.id(), "current", secret, HASHING, Set.of(Scope.ALL), Set.of(), T0);
        store.apiKeys().insert(current);
        ApiKeySecret other = ApiKeySecret.generate(new SecureRandom());
        ApiKey untouched = storedByPlainSha256(user, other, "untouched");

        assertThat(store.apiKeys().upgradePlainSha256(current.secretDigest(), "1".repeat(64)))
                .as("a key stored by its digest, whatever that digest is")
                .isEmpty();
        assertThat(store.apiKeys()
                        .upgradePlainSha256(
                                ApiKeySecret.generate(new SecureRandom()).plainSha256(), "2".repeat(64)))
                .as("no key")
                .isEmpty();
        assertThat(store.apiKeys().findAll()).containsExactlyInAnyOrder(current, untouched);
        assertThat(store.apiKeys().findBySecretDigest(current.secretDigest())).contains(current);
    }

    @Test
    void aRevokedKeyStoredByItsPlainSha256LosesItAndIsNeverRewritten() {
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        ApiKey old = storedByPlainSha256(user, secret, "old");

        assertThat(store.apiKeys().revoke(old.id(), at(30))).isTrue();

        ApiKey revoked = store.apiKeys().findById(old.id()).orElseThrow();
        assertThat(revoked.revokedAt()).isEqualTo(at(30));
        assertThat(revoked.secretDigest())
                .matches("^[0-9a-f]{64}$")
                .isNotEqualTo(secret.plainSha256())
                .isNotEqualTo(secret.digest(HASHING));
        assertThat(store.apiKeys().upgradePlainSha256(secret.plainSha256(), secret.digest(HASHING)))
                .isEmpty();
        assertThat(store.apiKeys().findAll()).extracting(ApiKey::secretDigest).containsExactly(revoked.secretDigest());
    }

    @Test
    void aRewrittenKeyKeepsItsDigestWhenRevoked() {
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        ApiKey old = storedByPlainSha256(user, secret, "old");
        String digest = secret.digest(HASHING);
        store.apiKeys().upgradePlainSha256(secret.plainSha256(), digest);

        store.apiKeys().revoke(old.id(), at(30));

        assertThat(store.apiKeys().findById(old.id()).orElseThrow().secretDigest())
                .as("so that the same key is never issued again")
                .isEqualTo(digest);
        assertThat(store.apiKeys().findBySecretDigest(digest)).isEmpty();
    }

    @Test
    void requestsThatFirstUseAKeyStoredByItsPlainSha256AtOnceAllFindIt() throws Exception {
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        ApiKey old = storedByPlainSha256(user, secret, "old");
        String digest = secret.digest(HASHING);
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Optional<ApiKey>>> found = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                found.add(pool.submit(() -> {
                    start.await();
                    return store.apiKeys()
                            .findBySecretDigest(digest)
                            .or(() -> store.apiKeys().upgradePlainSha256(secret.plainSha256(), digest));
                }));
            }
            start.countDown();
            for (Future<Optional<ApiKey>> each : found) {
                assertThat(each.get(30, TimeUnit.SECONDS))
                        .hasValueSatisfying(key -> assertThat(key.id()).isEqualTo(old.id()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.apiKeys().findAll()).extracting(ApiKey::secretDigest).containsExactly(digest);
    }
}
