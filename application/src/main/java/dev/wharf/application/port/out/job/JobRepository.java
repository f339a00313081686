package dev.wharf.application.port.out.job;

import dev.wharf.application.port.out.usage.AccountedJob;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.project.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores the jobs that load data into warehouses. */
public interface JobRepository {
    /** Stores a new job whose rows are not accounted in a known period. */
    default void insert(Job job) {
        insert(AccountedJob.unaccounted(job));
    }

    /** Stores a new job; a job whose source or project is missing, or of another project, is refused. */
    void insert(AccountedJob job);

    /** Stores new jobs at once, as {@link #insert(AccountedJob)} does one by one (for loading many). */
    void insertAll(List<AccountedJob> jobs);

    /** The job if it belongs to {@code projectId}. */
    Optional<Job> findById(ProjectId projectId, JobId id);

    /** As {@link #findById}, and locks the job until the surrounding transaction ends. */
    Optional<Job> findByIdForUpdate(ProjectId projectId, JobId id);

    /** Stores the new state of a job that exists. */
    void update(Job job);

    /** Running jobs whose last heartbeat is before {@code cutoff}, oldest heartbeat first. */
    List<Job> findRunningWithHeartbeatBefore(Instant cutoff, int limit);
}
