package dev.wharf.application.port.out;

import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores personal API keys by the SHA-256 hash of their secret; the secret itself is never stored. A revoked key is
 * kept (for the record, and so that its hash is never issued again) but is never found by its secret: that lookup is
 * the one authentication uses.
 */
public interface ApiKeyRepository {
    void insert(ApiKey key);

    /** The key that is not revoked with this hash. */
    Optional<ApiKey> findBySecretHash(String secretHash);

    /** The key, revoked or not. */
    Optional<ApiKey> findById(ApiKeyId id);

    /** The user's keys, revoked or not, oldest first. */
    List<ApiKey> findByUser(UserId userId);

    /** Every key, revoked or not, oldest first. */
    List<ApiKey> findAll();

    /**
     * Marks the key revoked at {@code at}; returns false, changing nothing, when there is no such key or it is
     * already revoked.
     */
    boolean revoke(ApiKeyId id, Instant at);
}
