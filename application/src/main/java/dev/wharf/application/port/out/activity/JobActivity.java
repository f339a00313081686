package dev.wharf.application.port.out.activity;

import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.shared.Require;
import java.time.Instant;

/**
 * One job as the activity lists show it: the job's own fields plus, for an import, its source's type (kept even when
 * the source is soft-deleted). {@code sourceType} and {@code sourceId} are null for a model.
 */
public record JobActivity(
        JobId id,
        JobKind kind,
        String sourceType,
        String name,
        JobStatus status,
        long rows,
        Instant createdAt,
        Instant finishedAt,
        String latestError,
        String workflowRunId,
        SourceId sourceId) {
    public JobActivity {
        Require.nonNull(id, "id");
        Require.nonNull(kind, "kind");
        Require.nonNull(status, "status");
        Require.nonNull(createdAt, "createdAt");
    }
}
