package dev.wharf.application.service.job;

import dev.wharf.domain.job.Job;
import dev.wharf.domain.webhook.WebhookEvent;
import dev.wharf.domain.webhook.WebhookEventType;

/** {@code job.failed} and {@code job.stale}: the job as it ended, with its error. */
final class JobEvents {
    private JobEvents() {}

    static WebhookEvent of(WebhookEventType type, Job job) {
        return WebhookEvent.of(
                job.projectId(),
                type,
                job.finishedAt(),
                "job_id",
                job.id().toString(),
                "kind",
                job.kind().wireName(),
                "source_id",
                job.sourceId() == null ? null : job.sourceId().toString(),
                "name",
                job.name(),
                "status",
                job.status().wireName(),
                "rows",
                job.rows(),
                "latest_error",
                job.latestError(),
                "created_at",
                job.createdAt(),
                "finished_at",
                job.finishedAt());
    }
}
