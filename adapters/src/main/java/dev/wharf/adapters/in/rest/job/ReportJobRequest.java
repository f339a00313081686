package dev.wharf.adapters.in.rest.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code PATCH jobs/{id}}'s body: any of the absolute row count, a terminal status and the latest error. */
public record ReportJobRequest(
        @JsonProperty("rows") Long rows,
        @JsonProperty("status") String status,
        @JsonProperty("latest_error") String latestError) {}
