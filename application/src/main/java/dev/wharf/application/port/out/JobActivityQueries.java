package dev.wharf.application.port.out;

import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The read side of jobs: what the activity lists and job statistics show. Read-only, so it never competes with
 * {@link JobRepository}, which owns the jobs' writes.
 */
public interface JobActivityQueries {
    /**
     * The project's jobs created at or after {@code filter.cutoff()} whose status is in the set for their kind (an
     * empty set leaves that kind out), newest first: {@code created_at DESC, id DESC}, so pages are stable. At most
     * {@code limit} rows after skipping {@code offset}.
     */
    List<JobActivity> activity(ProjectId projectId, ActivityFilter filter, int limit, int offset);

    /**
     * The jobs job statistics count: imports that are billable and either finished at or after {@code cutoff} or are
     * running and were created at or after it; models created at or after {@code cutoff}. In no particular order.
     */
    List<JobStatsEntry> statsEntries(ProjectId projectId, Instant cutoff);

    /** Which statuses each kind may have to be listed, and the earliest creation time. */
    record ActivityFilter(Set<JobStatus> importStatuses, Set<JobStatus> modelStatuses, Instant cutoff) {
        public ActivityFilter {
            importStatuses = Set.copyOf(importStatuses);
            modelStatuses = Set.copyOf(modelStatuses);
            Require.nonNull(cutoff, "cutoff");
        }
    }
}
