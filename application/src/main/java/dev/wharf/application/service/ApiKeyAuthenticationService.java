package dev.wharf.application.service;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.auth.AuthenticateApiKeyUseCase;
import dev.wharf.application.port.out.ApiKeyRepository;
import dev.wharf.domain.project.ApiKeySecret;
import java.util.Optional;

/**
 * Looks a presented key up by the SHA-256 of its secret. The lookup is by hash, so no secret is ever compared; the
 * final check compares the hashes in constant time. The repository finds no revoked key by its secret; a revoked key
 * is refused here as well, so that a store that got this wrong still lets nobody in.
 */
public final class ApiKeyAuthenticationService implements AuthenticateApiKeyUseCase {
    private final ApiKeyRepository apiKeys;

    public ApiKeyAuthenticationService(ApiKeyRepository apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public Optional<Actor> authenticate(String presentedKey) {
        if (!ApiKeySecret.looksValid(presentedKey)) {
            return Optional.empty();
        }
        ApiKeySecret secret = ApiKeySecret.parse(presentedKey);
        return apiKeys.findBySecretHash(secret.hash())
                .filter(key -> !key.isRevoked() && key.matches(secret))
                .map(Actor::of);
    }
}
