package dev.wharf.adapters.in.rest.activity;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.adapters.in.rest.PageLinks;
import dev.wharf.adapters.in.rest.Timestamps;
import dev.wharf.application.port.in.activity.ActivityPage;
import dev.wharf.application.port.out.activity.JobActivity;
import dev.wharf.domain.job.JobKind;
import java.util.List;

/** {@code GET running_activity} and {@code GET completed_activity}: a page of rows with relative links. */
public record ActivityPageResponse(
        @JsonProperty("results") List<Row> results,
        @JsonProperty("next") String next,
        @JsonProperty("previous") String previous) {
    static final String MATERIALIZED_VIEW = "Materialized view";

    /** One job, every field present (null when unset). */
    public record Row(
            @JsonProperty("id") String id,
            @JsonProperty("type") String type,
            @JsonProperty("name") String name,
            @JsonProperty("status") String status,
            @JsonProperty("rows") long rows,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("finished_at") String finishedAt,
            @JsonProperty("latest_error") String latestError,
            @JsonProperty("workflow_run_id") String workflowRunId,
            @JsonProperty("origin") String origin,
            @JsonProperty("source_id") String sourceId) {
        static Row of(JobActivity job) {
            boolean model = job.kind() == JobKind.MODEL;
            return new Row(
                    job.id().toString(),
                    model ? MATERIALIZED_VIEW : job.sourceType(),
                    job.name(),
                    job.status().wireName(),
                    job.rows(),
                    Timestamps.format(job.createdAt()),
                    Timestamps.format(job.finishedAt()),
                    job.latestError(),
                    job.workflowRunId(),
                    null,
                    job.sourceId() == null ? null : job.sourceId().toString());
        }
    }

    static ActivityPageResponse of(ActivityPage activity) {
        PageLinks links = PageLinks.of(activity.page())
                .with("cutoff_days", activity.cutoffDays())
                .with("outcome", activity.outcome())
                .with("kind", activity.kind());
        return new ActivityPageResponse(
                activity.page().results().stream().map(Row::of).toList(), links.next(), links.previous());
    }
}
