package dev.wharf.adapters.out.jdbi.job;

import dev.wharf.application.port.out.JobRepository;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link JobRepository} on Jdbi. */
public final class JdbiJobRepository implements JobRepository {
    private final JobDao dao;

    public JdbiJobRepository(Jdbi jdbi) {
        this.dao = jdbi.onDemand(JobDao.class);
    }

    @Override
    public void insert(Job job) {
        dao.insert(JobRow.of(job));
    }

    @Override
    public Optional<Job> findById(ProjectId projectId, JobId id) {
        return dao.find(projectId.value(), id.value());
    }

    @Override
    public Optional<Job> findByIdForUpdate(ProjectId projectId, JobId id) {
        return dao.findForUpdate(projectId.value(), id.value());
    }

    @Override
    public void update(Job job) {
        if (dao.update(JobRow.of(job)) == 0) {
            throw new NotFoundException("job not found");
        }
    }

    @Override
    public List<Job> findRunningWithHeartbeatBefore(Instant cutoff, int limit) {
        return limit <= 0 ? List.of() : dao.findStale(cutoff, limit);
    }
}
