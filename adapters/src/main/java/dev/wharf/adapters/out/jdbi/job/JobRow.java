package dev.wharf.adapters.out.jdbi.job;

import dev.wharf.application.port.out.usage.AccountedJob;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.usage.BillingPeriod;
import java.time.Instant;
import java.util.UUID;

/** The columns of a warehouse_job row, bound by name. */
public record JobRow(
        UUID id,
        long projectId,
        String kind,
        UUID sourceId,
        String name,
        String status,
        long rows,
        boolean billable,
        String workflowRunId,
        String latestError,
        Instant createdAt,
        Instant finishedAt,
        Instant lastHeartbeatAt,
        Instant periodStart,
        Instant periodEnd) {

    static JobRow of(AccountedJob accounted) {
        Job job = accounted.job();
        return new JobRow(
                job.id().value(),
                job.projectId().value(),
                job.kind().wireName(),
                job.sourceId() == null ? null : job.sourceId().value(),
                job.name(),
                job.status().wireName(),
                job.rows(),
                job.billable(),
                job.workflowRunId(),
                job.latestError(),
                job.createdAt(),
                job.finishedAt(),
                job.lastHeartbeatAt(),
                accounted.period().map(BillingPeriod::start).orElse(null),
                accounted.period().map(BillingPeriod::end).orElse(null));
    }

    /** The row of a job whose accounting period, if any, stays as stored (the update does not write it). */
    static JobRow of(Job job) {
        return of(AccountedJob.unaccounted(job));
    }
}
