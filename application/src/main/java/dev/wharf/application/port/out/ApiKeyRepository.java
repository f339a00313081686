package dev.wharf.application.port.out;

import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.UserId;
import java.util.List;
import java.util.Optional;

/** Stores personal API keys by the SHA-256 hash of their secret; the secret itself is never stored. */
public interface ApiKeyRepository {
    void insert(ApiKey key);

    Optional<ApiKey> findBySecretHash(String secretHash);

    Optional<ApiKey> findById(ApiKeyId id);

    List<ApiKey> findByUser(UserId userId);
}
