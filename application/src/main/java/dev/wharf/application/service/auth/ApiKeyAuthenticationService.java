package dev.wharf.application.service.auth;

import dev.wharf.application.cache.ExpiringCache;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.auth.ApiKeyAuthentication;
import dev.wharf.application.port.out.auth.ApiKeyRepository;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.KeyHashingSecret;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Looks a presented key up by its digest under the server's key-hashing secret. The lookup is by digest, so no secret
 * is ever compared; the final check compares the digests in constant time. A key stored before Wharf used keyed
 * digests is found by its plain SHA-256 instead, and rewritten to its digest on that first use. The repository finds
 * no revoked key by its secret; a revoked key is refused here as well, so that a store that got this wrong still lets
 * nobody in.
 */
public final class ApiKeyAuthenticationService implements ApiKeyAuthentication {
    private final ApiKeyRepository apiKeys;
    private final KeyHashingSecret hashing;
    private final ExpiringCache<String, ApiKey> keys;

    /** Reads the store for every key presented. */
    public ApiKeyAuthenticationService(ApiKeyRepository apiKeys, KeyHashingSecret hashing) {
        this(apiKeys, hashing, Duration.ZERO, Clock.systemUTC());
    }

    /**
     * Remembers keys that were found, by their digest, for {@code cacheTtl}: a new key works at once, a revoked one at
     * most {@code cacheTtl} longer.
     */
    public ApiKeyAuthenticationService(
            ApiKeyRepository apiKeys, KeyHashingSecret hashing, Duration cacheTtl, Clock clock) {
        this.apiKeys = apiKeys;
        this.hashing = hashing;
        this.keys = new ExpiringCache<>(cacheTtl, clock, 10_000);
    }

    @Override
    public Optional<Actor> authenticate(String presentedKey) {
        if (!ApiKeySecret.looksValid(presentedKey)) {
            return Optional.empty();
        }
        ApiKeySecret secret = ApiKeySecret.parse(presentedKey);
        String digest = secret.digest(hashing);
        return keys.get(digest, () -> apiKeys.findBySecret(secret, digest))
                .filter(key -> !key.isRevoked() && key.matches(digest))
                .map(Actor::of);
    }
}
