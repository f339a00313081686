package dev.wharf.adapters.in.rest.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.application.port.in.job.FieldUpdate;

/**
 * {@code PATCH external_data_sources/{id}}'s body: {@code freshness}, a window ({@code "6h"}) or null to remove it; a
 * class with a setter so that an explicit null is told from an absent field (as {@link ReportJobRequest}).
 */
public final class UpdateSourceRequest {
    private FieldUpdate<String> freshness = FieldUpdate.absent();

    @JsonProperty("freshness")
    void setFreshness(String freshness) {
        this.freshness = FieldUpdate.to(freshness);
    }

    FieldUpdate<String> freshness() {
        return freshness;
    }
}
