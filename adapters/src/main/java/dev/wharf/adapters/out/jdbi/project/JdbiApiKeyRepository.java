package dev.wharf.adapters.out.jdbi.project;

import dev.wharf.application.port.out.auth.ApiKeyRepository;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.UserId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ApiKeyRepository} on Jdbi: a key row and its project limits, written in one transaction. Column {@code
 * secret_hash} holds the key's digest, or, while {@code plain_sha256} is true (rows stored before V9 and not used
 * since), the plain SHA-256 of its secret.
 */
public final class JdbiApiKeyRepository implements ApiKeyRepository {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;

    public JdbiApiKeyRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(ApiKey key) {
        jdbi.useTransaction(handle -> {
            ApiKeyDao dao = handle.attach(ApiKeyDao.class);
            dao.insert(
                    key.id().value(),
                    key.userId().value(),
                    key.label(),
                    key.secretDigest(),
                    key.mask(),
                    ApiKeyRow.scopesColumn(key),
                    key.createdAt());
            for (ProjectId project : key.projects()) {
                dao.insertProject(key.id().value(), project.value());
            }
        });
    }

    @Override
    public Optional<ApiKey> findBySecretDigest(String digest) {
        return jdbi.withExtension(
                ApiKeyDao.class, dao -> dao.findByDigest(digest).map(row -> row.toDomain(dao.projectsOf(row.id()))));
    }

    /**
     * The conditional {@code UPDATE} first, then the lookup by digest whatever it changed: a request that lost the race
     * to rewrite the row (its {@code UPDATE} waited for the other's, then matched nothing) still finds the key.
     */
    @Override
    public Optional<ApiKey> upgradePlainSha256(String plainSha256, String digest) {
        return jdbi.withExtension(ApiKeyDao.class, dao -> {
            dao.upgrade(plainSha256, digest);
            return dao.findByDigest(digest).map(row -> row.toDomain(dao.projectsOf(row.id())));
        });
    }

    @Override
    public Optional<ApiKey> findById(ApiKeyId id) {
        return jdbi.withExtension(
                ApiKeyDao.class, dao -> dao.find(id.value()).map(row -> row.toDomain(dao.projectsOf(row.id()))));
    }

    @Override
    public List<ApiKey> findByUser(UserId userId) {
        return jdbi.withExtension(
                ApiKeyDao.class,
                dao -> dao.findByUser(userId.value()).stream()
                        .map(row -> row.toDomain(dao.projectsOf(row.id())))
                        .toList());
    }

    @Override
    public List<ApiKey> findAll() {
        return jdbi.withExtension(
                ApiKeyDao.class,
                dao -> dao.findAll().stream()
                        .map(row -> row.toDomain(dao.projectsOf(row.id())))
                        .toList());
    }

    @Override
    public boolean revoke(ApiKeyId id, Instant at) {
        return jdbi.withExtension(ApiKeyDao.class, dao -> dao.revoke(id.value(), at, unguessable())) == 1;
    }

    /** 32 random bytes in hex: the shape of a digest, the digest of no key anyone holds. */
    private static String unguessable() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
