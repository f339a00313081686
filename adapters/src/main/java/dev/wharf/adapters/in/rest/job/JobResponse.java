package dev.wharf.adapters.in.rest.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.adapters.in.rest.Timestamps;
import dev.wharf.application.port.in.job.JobView;
import dev.wharf.domain.job.Job;

/** A job as the API shows it, in the shape of PostHog's activity rows plus {@code kind} and {@code billable}. */
public record JobResponse(
        @JsonProperty("id") String id,
        @JsonProperty("kind") String kind,
        @JsonProperty("type") String type,
        @JsonProperty("name") String name,
        @JsonProperty("status") String status,
        @JsonProperty("rows") long rows,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("finished_at") String finishedAt,
        @JsonProperty("latest_error") String latestError,
        @JsonProperty("workflow_run_id") String workflowRunId,
        @JsonProperty("source_id") String sourceId,
        @JsonProperty("billable") boolean billable) {

    static JobResponse of(JobView view) {
        Job job = view.job();
        return new JobResponse(
                job.id().toString(),
                job.kind().wireName(),
                view.type(),
                job.name(),
                job.status().wireName(),
                job.rows(),
                Timestamps.format(job.createdAt()),
                Timestamps.format(job.finishedAt()),
                job.latestError(),
                job.workflowRunId(),
                job.sourceId() == null ? null : job.sourceId().toString(),
                job.billable());
    }
}
