package dev.wharf.application.port.out.activity;

import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.shared.Require;

/**
 * How many of the jobs job statistics count have one kind and status and were created in one bucket of a
 * {@link JobActivityQueries.StatsWindow}: {@code bucket} is the bucket's index, or {@link #NO_BUCKET} for jobs
 * created outside every bucket (they count in the totals only). Never zero: a group without jobs has no count.
 */
public record JobStatsCount(JobKind kind, JobStatus status, int bucket, long jobs) {
    public static final int NO_BUCKET = -1;

    public JobStatsCount {
        Require.nonNull(kind, "kind");
        Require.nonNull(status, "status");
        if (bucket < NO_BUCKET) {
            throw new IllegalArgumentException("bucket must be an index or NO_BUCKET");
        }
        if (jobs <= 0) {
            throw new IllegalArgumentException("jobs must be positive");
        }
    }
}
