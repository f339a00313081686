package dev.wharf.application.fake;

import dev.wharf.application.fake.InMemoryStore.Tables;
import dev.wharf.application.port.out.auth.ApiKeyRepository;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.UserId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** {@link ApiKeyRepository} over an {@link InMemoryStore}: a key and its project limits are written together. */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {
    /** The JDBI store's order: {@code ORDER BY created_at, id}. */
    private static final Comparator<ApiKey> OLDEST_FIRST =
            Comparator.comparing(ApiKey::createdAt).thenComparing(k -> k.id().value(), InMemoryStore.UUID_ORDER);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final InMemoryStore store;

    public InMemoryApiKeyRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(ApiKey key) {
        store.change(t -> {
            Tables.requireNew(t.apiKeys.containsKey(key.id()), "api key", key.id());
            Tables.requireNew(
                    t.apiKeys.values().stream().anyMatch(k -> k.secretDigest().equals(key.secretDigest())),
                    "api key with the secret digest of",
                    key.id());
            t.requireUser(key.userId());
            for (ProjectId project : key.projects()) {
                t.requireProject(project);
            }
            t.apiKeys.put(key.id(), key);
        });
    }

    /** As the JDBI store: a key still stored by its plain SHA-256 is not stored by a digest. */
    @Override
    public Optional<ApiKey> findBySecretDigest(String digest) {
        return store.read(t -> t.apiKeys.values().stream()
                .filter(k -> k.secretDigest().equals(digest) && !k.isRevoked() && !t.plainSha256Keys.contains(k.id()))
                .findFirst());
    }

    /** As the JDBI store's conditional {@code UPDATE}, then the lookup by digest. */
    @Override
    public Optional<ApiKey> upgradePlainSha256(String plainSha256, String digest) {
        store.change(t -> t.apiKeys.values().stream()
                .filter(k ->
                        k.secretDigest().equals(plainSha256) && !k.isRevoked() && t.plainSha256Keys.contains(k.id()))
                .findFirst()
                .ifPresent(k -> {
                    Tables.requireNew(
                            t.apiKeys.values().stream()
                                    .anyMatch(other -> other.secretDigest().equals(digest)),
                            "api key with the secret digest of",
                            k.id());
                    t.apiKeys.put(k.id(), withDigest(k, digest, k.revokedAt()));
                    t.plainSha256Keys.remove(k.id());
                }));
        return findBySecretDigest(digest);
    }

    @Override
    public Optional<ApiKey> findById(ApiKeyId id) {
        return store.read(t -> Optional.ofNullable(t.apiKeys.get(id)));
    }

    @Override
    public List<ApiKey> findByUser(UserId userId) {
        return store.read(t -> t.apiKeys.values().stream()
                .filter(k -> k.userId().equals(userId))
                .sorted(OLDEST_FIRST)
                .toList());
    }

    @Override
    public List<ApiKey> findAll() {
        return store.read(t -> t.apiKeys.values().stream().sorted(OLDEST_FIRST).toList());
    }

    /**
     * As the JDBI store's {@code UPDATE … WHERE revoked_at IS NULL}: no check of the time against created_at; a key
     * still stored by its plain SHA-256 gets random hex instead.
     */
    @Override
    public boolean revoke(ApiKeyId id, Instant at) {
        return store.write(t -> {
            ApiKey key = t.apiKeys.get(id);
            if (key == null || key.isRevoked()) {
                return false;
            }
            boolean plain = t.plainSha256Keys.remove(id);
            t.apiKeys.put(id, withDigest(key, plain ? unguessable() : key.secretDigest(), at));
            return true;
        });
    }

    /** Marks a stored key as stored by the plain SHA-256 of its secret, as Wharf stored every key before V9. */
    void markStoredByPlainSha256(ApiKeyId id) {
        store.change(t -> {
            if (!t.apiKeys.containsKey(id)) {
                throw new IllegalStateException("no api key " + id);
            }
            t.plainSha256Keys.add(id);
        });
    }

    private static ApiKey withDigest(ApiKey key, String digest, Instant revokedAt) {
        return new ApiKey(
                key.id(),
                key.userId(),
                key.label(),
                digest,
                key.mask(),
                key.scopes(),
                key.projects(),
                key.createdAt(),
                revokedAt);
    }

    private static String unguessable() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
