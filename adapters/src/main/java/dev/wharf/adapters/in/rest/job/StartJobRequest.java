package dev.wharf.adapters.in.rest.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST jobs}'s body: an import ({@code source_id}, {@code schema_name}) or a model ({@code saved_query_name}). */
public record StartJobRequest(
        @JsonProperty("kind") String kind,
        @JsonProperty("source_id") String sourceId,
        @JsonProperty("schema_name") String schemaName,
        @JsonProperty("saved_query_name") String savedQueryName,
        @JsonProperty("workflow_run_id") String workflowRunId,
        @JsonProperty("billable") Boolean billable,
        @JsonProperty("created_at") String createdAt) {
    static final StartJobRequest EMPTY = new StartJobRequest(null, null, null, null, null, null, null);
}
