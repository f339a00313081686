package dev.wharf.application.fake;

import dev.wharf.application.fake.InMemoryStore.Tables;
import dev.wharf.application.port.out.ApiKeyRepository;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link ApiKeyRepository} over an {@link InMemoryStore}: a key and its project limits are written together. */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {
    /** The JDBI store's order: {@code ORDER BY created_at, id}. */
    private static final Comparator<ApiKey> OLDEST_FIRST =
            Comparator.comparing(ApiKey::createdAt).thenComparing(k -> k.id().value(), InMemoryStore.UUID_ORDER);

    private final InMemoryStore store;

    public InMemoryApiKeyRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(ApiKey key) {
        store.change(t -> {
            Tables.requireNew(t.apiKeys.containsKey(key.id()), "api key", key.id());
            Tables.requireNew(
                    t.apiKeys.values().stream().anyMatch(k -> k.secretHash().equals(key.secretHash())),
                    "api key with the secret hash of",
                    key.id());
            t.requireUser(key.userId());
            for (ProjectId project : key.projects()) {
                t.requireProject(project);
            }
            t.apiKeys.put(key.id(), key);
        });
    }

    @Override
    public Optional<ApiKey> findBySecretHash(String secretHash) {
        return store.read(t -> t.apiKeys.values().stream()
                .filter(k -> k.secretHash().equals(secretHash) && !k.isRevoked())
                .findFirst());
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

    /** As the JDBI store's {@code UPDATE … WHERE revoked_at IS NULL}: no check of the time against created_at. */
    @Override
    public boolean revoke(ApiKeyId id, Instant at) {
        return store.write(t -> {
            ApiKey key = t.apiKeys.get(id);
            if (key == null || key.isRevoked()) {
                return false;
            }
            t.apiKeys.put(
                    id,
                    new ApiKey(
                            key.id(),
                            key.userId(),
                            key.label(),
                            key.secretHash(),
                            key.mask(),
                            key.scopes(),
                            key.projects(),
                            key.createdAt(),
                            at));
            return true;
        });
    }
}
