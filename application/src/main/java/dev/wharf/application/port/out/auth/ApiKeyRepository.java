package dev.wharf.application.port.out.auth;

import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores personal API keys by the digest of their secret ({@code ApiKeySecret.digest}, keyed by the server's secret);
 * the secret itself is never stored. A revoked key is kept (for the record, and so that its digest is never issued
 * again) but is never found by its secret: that lookup is the one authentication uses.
 *
 * <p>Keys stored before Wharf used keyed digests are stored by the plain SHA-256 of their secret until they are next
 * presented, when {@link #upgradePlainSha256} rewrites them in place.
 */
public interface ApiKeyRepository {
    /** Stores a new key by its digest. */
    void insert(ApiKey key);

    /** The key that is not revoked with this digest. */
    Optional<ApiKey> findBySecretDigest(String digest);

    /**
     * Rewrites the key that is not revoked and is still stored by {@code plainSha256} (the plain SHA-256 of its
     * secret, as stored before keyed digests) to {@code digest}, in place, and returns the key that is not revoked with
     * {@code digest}: empty when there is neither. A revoked key is never rewritten, nor is a key already stored by a
     * digest, whatever its value.
     */
    Optional<ApiKey> upgradePlainSha256(String plainSha256, String digest);

    /** The key, revoked or not. */
    Optional<ApiKey> findById(ApiKeyId id);

    /** The user's keys, revoked or not, oldest first. */
    List<ApiKey> findByUser(UserId userId);

    /** Every key, revoked or not, oldest first. */
    List<ApiKey> findAll();

    /**
     * Marks the key revoked at {@code at}; returns false, changing nothing, when there is no such key or it is
     * already revoked. A key still stored by its plain SHA-256 loses it: an unguessable value takes its place, since
     * nothing needs to find a revoked key by its secret.
     */
    boolean revoke(ApiKeyId id, Instant at);

    /**
     * The key with {@code digest} (of {@code secret}); one still stored by the plain SHA-256 of {@code secret}, from
     * before keyed digests, is rewritten to {@code digest} and found so.
     */
    default Optional<ApiKey> findBySecret(ApiKeySecret secret, String digest) {
        return findBySecretDigest(digest).or(() -> upgradePlainSha256(secret.plainSha256(), digest));
    }
}
