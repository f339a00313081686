package dev.wharf.adapters.out.jdbi.job;

import dev.wharf.adapters.out.jdbi.usage.UsageVersion;
import dev.wharf.application.port.out.job.SourceRepository;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link SourceRepository} on Jdbi: every change of a source moves its project's usage version (V8). */
public final class JdbiSourceRepository implements SourceRepository {
    private final Jdbi jdbi;
    private final SourceDao dao;

    public JdbiSourceRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.dao = jdbi.onDemand(SourceDao.class);
    }

    @Override
    public void insert(Source s) {
        jdbi.useTransaction(handle -> {
            handle.attach(SourceDao.class)
                    .insert(
                            s.id().value(),
                            s.projectId().value(),
                            s.sourceType(),
                            s.prefix(),
                            s.createdAt(),
                            s.deletedAt());
            UsageVersion.move(handle, List.of(s.projectId().value()));
        });
    }

    @Override
    public Optional<Source> findById(ProjectId projectId, SourceId id) {
        return dao.find(projectId.value(), id.value());
    }

    @Override
    public void update(Source s) {
        jdbi.useTransaction(handle -> {
            SourceDao sources = handle.attach(SourceDao.class);
            if (sources.update(s.projectId().value(), s.id().value(), s.sourceType(), s.prefix(), s.deletedAt()) == 0) {
                throw new NotFoundException("source not found");
            }
            UsageVersion.move(handle, List.of(s.projectId().value()));
        });
    }

    @Override
    public List<Source> listActive(ProjectId projectId, int limit, int offset) {
        return dao.listActive(projectId.value(), limit, offset);
    }

    @Override
    public Optional<Source> findByIdForUpdate(ProjectId projectId, SourceId id) {
        return dao.findForUpdate(projectId.value(), id.value());
    }

    @Override
    public void saveFreshness(Source s) {
        Long seconds = s.freshness() == null ? null : s.freshness().window().toSeconds();
        if (dao.saveFreshness(
                        s.projectId().value(),
                        s.id().value(),
                        seconds,
                        s.lastSyncedAt(),
                        s.freshnessDueAt(),
                        s.freshnessMissed())
                == 0) {
            throw new NotFoundException("source not found");
        }
    }

    @Override
    public List<Source> freshnessToTell(Instant now, int limit) {
        return dao.freshnessToTell(now, limit);
    }

    @Override
    public boolean markFreshnessTold(SourceId id, boolean missed) {
        return dao.markFreshnessTold(id.value(), missed, !missed) == 1;
    }
}
