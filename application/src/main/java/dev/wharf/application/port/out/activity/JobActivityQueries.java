package dev.wharf.application.port.out.activity;

import dev.wharf.application.port.out.job.JobRepository;
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
     * The jobs job statistics count, counted per kind, status and bucket of {@code window}: imports that are billable
     * and either finished at or after the cutoff or are running and were created at or after it; models created at or
     * after the cutoff. One count per group that has jobs, in no particular order. The number of counts is bounded by
     * the number of buckets, never by the number of jobs.
     */
    List<JobStatsCount> statsCounts(ProjectId projectId, StatsWindow window);

    /** Which statuses each kind may have to be listed, and the earliest creation time. */
    record ActivityFilter(Set<JobStatus> importStatuses, Set<JobStatus> modelStatuses, Instant cutoff) {
        public ActivityFilter {
            importStatuses = Set.copyOf(importStatuses);
            modelStatuses = Set.copyOf(modelStatuses);
            Require.nonNull(cutoff, "cutoff");
        }
    }

    /**
     * The cutoff of job statistics and their buckets' bounds, ascending: bucket {@code i} holds the jobs created in
     * {@code [bounds[i], bounds[i + 1])}. The bounds are instants (the caller lays them out in a time zone), so a
     * store compares instants and never needs to know the zone. At most {@value #MAX_BOUNDS} bounds.
     */
    record StatsWindow(Instant cutoff, List<Instant> bounds) {
        public static final int MAX_BOUNDS = 64;

        public StatsWindow {
            Require.nonNull(cutoff, "cutoff");
            bounds = List.copyOf(bounds);
            if (bounds.size() < 2 || bounds.size() > MAX_BOUNDS) {
                throw new IllegalArgumentException("a window has 2 to " + MAX_BOUNDS + " bounds");
            }
            for (int i = 1; i < bounds.size(); i++) {
                if (!bounds.get(i - 1).isBefore(bounds.get(i))) {
                    throw new IllegalArgumentException("bounds must be strictly ascending");
                }
            }
        }

        public int buckets() {
            return bounds.size() - 1;
        }
    }
}
