package dev.wharf.adapters.in.rest.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.application.port.in.job.FieldUpdate;

/**
 * {@code PATCH jobs/{id}}'s body: any of the absolute row count, a terminal status and the latest error. A class with
 * setters, not a record, because Jackson calls a setter for an explicit null and not for an absent field: that is what
 * tells {@code "latest_error": null} (clear it) from no {@code latest_error} (leave it).
 */
public final class ReportJobRequest {
    private Long rows;
    private String status;
    private FieldUpdate<String> latestError = FieldUpdate.absent();

    @JsonProperty("rows")
    void setRows(Long rows) {
        this.rows = rows;
    }

    @JsonProperty("status")
    void setStatus(String status) {
        this.status = status;
    }

    @JsonProperty("latest_error")
    void setLatestError(String latestError) {
        this.latestError = FieldUpdate.to(latestError);
    }

    Long rows() {
        return rows;
    }

    String status() {
        return status;
    }

    FieldUpdate<String> latestError() {
        return latestError;
    }
}
