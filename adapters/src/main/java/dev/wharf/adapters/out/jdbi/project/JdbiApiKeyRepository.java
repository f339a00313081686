package dev.wharf.adapters.out.jdbi.project;

import dev.wharf.application.port.out.ApiKeyRepository;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link ApiKeyRepository} on Jdbi: a key row and its project limits, written in one transaction. */
public final class JdbiApiKeyRepository implements ApiKeyRepository {
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
                    key.secretHash(),
                    key.mask(),
                    ApiKeyRow.scopesColumn(key),
                    key.createdAt());
            for (ProjectId project : key.projects()) {
                dao.insertProject(key.id().value(), project.value());
            }
        });
    }

    @Override
    public Optional<ApiKey> findBySecretHash(String secretHash) {
        return jdbi.withExtension(
                ApiKeyDao.class, dao -> dao.findByHash(secretHash).map(row -> row.toDomain(dao.projectsOf(row.id()))));
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
        return jdbi.withExtension(ApiKeyDao.class, dao -> dao.revoke(id.value(), at)) == 1;
    }
}
