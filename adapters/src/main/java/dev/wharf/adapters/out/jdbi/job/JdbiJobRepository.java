package dev.wharf.adapters.out.jdbi.job;

import dev.wharf.adapters.out.jdbi.usage.UsageVersion;
import dev.wharf.application.port.out.job.JobRepository;
import dev.wharf.application.port.out.usage.AccountedJob;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link JobRepository} on Jdbi. A job accounted in a period moves its rows into the period's sums (V4) in the
 * transaction that stores it: the caller's, or one of its own when there is none; a change of a job's billable or
 * materialized rows also moves its project's usage version (V8), so that no earlier total_rows_stats answer is reused.
 */
public final class JdbiJobRepository implements JobRepository {
    /** Rows per JDBC batch when loading many jobs. */
    private static final int BATCH = 1_000;

    private final Jdbi jdbi;
    private final JobDao dao;

    public JdbiJobRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.dao = jdbi.onDemand(JobDao.class);
    }

    @Override
    public void insert(AccountedJob job) {
        insertAll(List.of(job));
    }

    /**
     * One transaction per batch of {@link #BATCH} jobs. Inside a caller's transaction the batches join it, which then
     * holds the usage versions of the projects loaded so far until it ends: reports of those projects wait for it.
     */
    @Override
    public void insertAll(List<AccountedJob> jobs) {
        for (int from = 0; from < jobs.size(); from += BATCH) {
            List<AccountedJob> batch = jobs.subList(from, Math.min(jobs.size(), from + BATCH));
            jdbi.useTransaction(handle -> insertBatch(handle, batch));
        }
    }

    private static void insertBatch(Handle handle, List<AccountedJob> batch) {
        handle.attach(JobDao.class).insertAll(batch.stream().map(JobRow::of).toList());
        List<RollupChange> changes = new ArrayList<>();
        for (AccountedJob accounted : batch) {
            accounted.period().ifPresent(period -> {
                Job job = accounted.job();
                changes.add(new RollupChange(
                        job.projectId().value(),
                        period.start(),
                        period.end(),
                        job.sourceId() == null ? null : job.sourceId().value(),
                        job.billableRows(),
                        job.materializedRows()));
            });
        }
        UsageRollup.addNew(handle, changes);
        UsageVersion.move(
                handle,
                batch.stream()
                        .map(AccountedJob::job)
                        .filter(job -> job.billableRows() != 0 || job.materializedRows() != 0)
                        .map(job -> job.projectId().value())
                        .toList());
    }

    @Override
    public Optional<Job> findById(ProjectId projectId, JobId id) {
        return dao.find(projectId.value(), id.value());
    }

    @Override
    public Optional<Job> findByIdForUpdate(ProjectId projectId, JobId id) {
        return dao.findForUpdate(projectId.value(), id.value());
    }

    /**
     * Reads the stored job first, for the difference its change makes to its period's sums. The caller holds the
     * job's row lock ({@link #findByIdForUpdate}), so nothing changes it in between.
     */
    @Override
    public void update(Job job) {
        jdbi.useTransaction(handle -> {
            JobDao jobs = handle.attach(JobDao.class);
            StoredJob before = jobs.findStored(job.projectId().value(), job.id().value())
                    .orElseThrow(() -> new NotFoundException("job not found"));
            if (jobs.update(JobRow.of(job)) == 0) {
                throw new NotFoundException("job not found");
            }
            if (before.isAccounted()) {
                UsageRollup.addChanged(
                        handle, List.of(RollupChange.between(before, job.billableRows(), job.materializedRows())));
            }
            if (before.job().billableRows() != job.billableRows()
                    || before.job().materializedRows() != job.materializedRows()) {
                UsageVersion.move(handle, List.of(job.projectId().value()));
            }
        });
    }

    @Override
    public List<Job> findRunningWithHeartbeatBefore(Instant cutoff, int limit) {
        return limit <= 0 ? List.of() : dao.findStale(cutoff, limit);
    }
}
