package dev.wharf.application.service;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.auth.AuthenticateApiKeyUseCase;
import dev.wharf.application.port.out.ApiKeyRepository;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeySecret;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Looks a presented key up by the SHA-256 of its secret. The lookup is by hash, so no secret is ever compared; the
 * final check compares the hashes in constant time. The repository finds no revoked key by its secret; a revoked key
 * is refused here as well, so that a store that got this wrong still lets nobody in.
 */
public final class ApiKeyAuthenticationService implements AuthenticateApiKeyUseCase {
    private final ApiKeyRepository apiKeys;
    private final ExpiringCache<String, ApiKey> keys;

    /** Reads the store for every key presented. */
    public ApiKeyAuthenticationService(ApiKeyRepository apiKeys) {
        this(apiKeys, Duration.ZERO, Clock.systemUTC());
    }

    /**
     * Remembers keys that were found, by their hash, for {@code cacheTtl}: a new key works at once, a revoked one at
     * most {@code cacheTtl} longer.
     */
    public ApiKeyAuthenticationService(ApiKeyRepository apiKeys, Duration cacheTtl, Clock clock) {
        this.apiKeys = apiKeys;
        this.keys = new ExpiringCache<>(cacheTtl, clock, 10_000);
    }

    @Override
    public Optional<Actor> authenticate(String presentedKey) {
        if (!ApiKeySecret.looksValid(presentedKey)) {
            return Optional.empty();
        }
        ApiKeySecret secret = ApiKeySecret.parse(presentedKey);
        String hash = secret.hash();
        return keys.get(hash, () -> apiKeys.findBySecretHash(hash))
                .filter(key -> !key.isRevoked() && key.matches(secret))
                .map(Actor::of);
    }
}
