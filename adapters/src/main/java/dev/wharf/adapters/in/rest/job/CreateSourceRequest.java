package dev.wharf.adapters.in.rest.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST external_data_sources}'s body. */
public record CreateSourceRequest(
        @JsonProperty("source_type") String sourceType,
        @JsonProperty("prefix") String prefix,
        @JsonProperty("freshness") String freshness) {}
