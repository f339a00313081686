package dev.wharf.application.fake;

import dev.wharf.application.fake.InMemoryStore.Tables;
import dev.wharf.application.port.out.job.JobRepository;
import dev.wharf.application.port.out.usage.AccountedJob;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.NotFoundException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link JobRepository} over an {@link InMemoryStore}. A job needs its project and, for an import, a stored source
 * of the same project (the schema's foreign key is the pair source and project).
 */
public final class InMemoryJobRepository implements JobRepository {
    /** The JDBI store's order: {@code ORDER BY last_heartbeat_at, id}. */
    private static final Comparator<Job> OLDEST_HEARTBEAT_FIRST =
            Comparator.comparing(Job::lastHeartbeatAt).thenComparing(j -> j.id().value(), InMemoryStore.UUID_ORDER);

    private final InMemoryStore store;

    public InMemoryJobRepository(InMemoryStore store) {
        this.store = store;
    }

    /** The store's sums read every job, so the period a job is accounted in changes nothing here. */
    @Override
    public void insert(AccountedJob accounted) {
        insertAll(List.of(accounted));
    }

    @Override
    public void insertAll(List<AccountedJob> jobs) {
        store.change(t -> {
            for (AccountedJob accounted : jobs) {
                Job job = accounted.job();
                Tables.requireNew(t.jobs.containsKey(job.id()), "job", job.id());
                t.requireProject(job.projectId());
                if (job.sourceId() != null) {
                    t.requireSource(job.sourceId(), job.projectId());
                }
                t.jobs.put(job.id(), job);
            }
        });
    }

    @Override
    public Optional<Job> findById(ProjectId projectId, JobId id) {
        return store.read(t ->
                Optional.ofNullable(t.jobs.get(id)).filter(j -> j.projectId().equals(projectId)));
    }

    /** The store's lock is held for the whole surrounding transaction, so this job is locked as well. */
    @Override
    public Optional<Job> findByIdForUpdate(ProjectId projectId, JobId id) {
        return findById(projectId, id);
    }

    /** Changes the status, rows, latest error, finish and heartbeat; the rest stays as stored. */
    @Override
    public void update(Job job) {
        store.change(t -> {
            Job stored = t.jobs.get(job.id());
            if (stored == null || !stored.projectId().equals(job.projectId())) {
                throw new NotFoundException("job not found");
            }
            t.jobs.put(
                    job.id(),
                    new Job(
                            stored.id(),
                            stored.projectId(),
                            stored.kind(),
                            stored.sourceId(),
                            stored.name(),
                            job.status(),
                            job.rows(),
                            stored.billable(),
                            stored.workflowRunId(),
                            job.latestError(),
                            stored.createdAt(),
                            job.finishedAt(),
                            job.lastHeartbeatAt()));
        });
    }

    @Override
    public List<Job> findRunningWithHeartbeatBefore(Instant cutoff, int limit) {
        return store.read(t -> t.jobs.values().stream()
                .filter(j ->
                        j.status() == JobStatus.RUNNING && j.lastHeartbeatAt().isBefore(cutoff))
                .sorted(OLDEST_HEARTBEAT_FIRST)
                .limit(limit)
                .toList());
    }
}
