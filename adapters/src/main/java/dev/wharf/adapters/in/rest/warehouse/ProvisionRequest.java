package dev.wharf.adapters.in.rest.warehouse;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST provision}'s body: {@code schema_name} is optional (PostHog's client sends it). */
public record ProvisionRequest(
        @JsonProperty("database_name") String databaseName,
        @JsonProperty("schema_name") String schemaName) {}
