package dev.wharf.application.port.out;

import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.shared.Require;
import java.time.Instant;

/** The three fields job statistics need of one job; the statistics are counted from these in the application. */
public record JobStatsEntry(JobKind kind, JobStatus status, Instant createdAt) {
    public JobStatsEntry {
        Require.nonNull(kind, "kind");
        Require.nonNull(status, "status");
        Require.nonNull(createdAt, "createdAt");
    }
}
