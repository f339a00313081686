package dev.wharf.application.service.auth;

import static dev.wharf.application.port.out.PersistenceFixture.HASHING;
import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.KeyHashingSecret;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Authentication by keyed digest, and the first use of a key stored by its plain SHA-256, on the in-memory store. */
class ApiKeyAuthenticationServiceTest {
    private final InMemoryFixture store = new InMemoryFixture();
    private final ApiKeyAuthenticationService authentication =
            new ApiKeyAuthenticationService(store.apiKeys(), HASHING);
    private final User user = store.givenUser("ann@example.com");

    private ApiKey storedByPlainSha256(ApiKeySecret secret) {
        ApiKey key = new ApiKey(
                ApiKeyId.random(), user.id(), "old", secret.plainSha256(), secret.mask(), Set.of(Scope.ALL), null, T0);
        store.givenKeyStoredByPlainSha256(key);
        return key;
    }

    @Test
    void aKeyStoredByItsPlainSha256AuthenticatesAndIsThenStoredByItsDigestOnly() {
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        ApiKey old = storedByPlainSha256(secret);

        assertThat(authentication.authenticate(secret.reveal()))
                .hasValueSatisfying(actor -> assertThat(actor.apiKeyId()).isEqualTo(old.id()));

        assertThat(store.apiKeys().findAll()).extracting(ApiKey::secretDigest).containsExactly(secret.digest(HASHING));
        assertThat(store.apiKeys().findBySecretDigest(secret.digest(HASHING))).isPresent();
        assertThat(authentication.authenticate(secret.reveal())).isPresent();
    }

    @Test
    void aRevokedKeyStoredByItsPlainSha256NeverAuthenticates() {
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        ApiKey old = storedByPlainSha256(secret);
        store.apiKeys().revoke(old.id(), T0.plusSeconds(1));

        assertThat(authentication.authenticate(secret.reveal())).isEmpty();
        assertThat(store.apiKeys().findById(old.id()).orElseThrow().secretDigest())
                .isNotIn(secret.plainSha256(), secret.digest(HASHING));
    }

    @Test
    void aKeyIsKnownOnlyUnderTheHashingSecretItWasIssuedWith() {
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        store.apiKeys()
                .insert(ApiKey.issue(ApiKeyId.random(), user.id(), "ci", secret, HASHING, Set.of(Scope.ALL), null, T0));
        byte[] otherBytes = new byte[32];
        new SecureRandom().nextBytes(otherBytes);
        ApiKeyAuthenticationService elsewhere =
                new ApiKeyAuthenticationService(store.apiKeys(), KeyHashingSecret.of(otherBytes));

        assertThat(authentication.authenticate(secret.reveal())).isPresent();
        assertThat(elsewhere.authenticate(secret.reveal())).isEmpty();
    }

    @Test
    void anUnknownKeyIsRefusedAndChangesNothing() {
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        ApiKey key = ApiKey.issue(ApiKeyId.random(), user.id(), "ci", secret, HASHING, Set.of(Scope.ALL), null, T0);
        store.apiKeys().insert(key);
        ApiKeySecret other = ApiKeySecret.generate(new SecureRandom());

        assertThat(authentication.authenticate(other.reveal())).isEmpty();
        assertThat(store.apiKeys().findAll()).containsExactly(key);
    }

    @Test
    void aKeyRewrittenOnFirstUseIsRememberedByItsDigest() {
        MutableClock clock = new MutableClock(T0);
        ApiKeyAuthenticationService cached =
                new ApiKeyAuthenticationService(store.apiKeys(), HASHING, Duration.ofSeconds(5), clock);
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        ApiKey old = storedByPlainSha256(secret);
        assertThat(cached.authenticate(secret.reveal())).isPresent();

        store.apiKeys().revoke(old.id(), T0.plusSeconds(1));

        assertThat(cached.authenticate(secret.reveal())).as("remembered").isPresent();
        clock.advance(Duration.ofSeconds(5));
        assertThat(cached.authenticate(secret.reveal())).isEmpty();
    }
}
