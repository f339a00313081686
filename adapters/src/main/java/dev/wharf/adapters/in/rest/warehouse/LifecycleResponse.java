package dev.wharf.adapters.in.rest.warehouse;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The 202 of provision and deprovision: {@code {"status", "team"}}. */
public record LifecycleResponse(
        @JsonProperty("status") String status,
        @JsonProperty("team") String team) {}
