package dev.wharf.adapters.in.rest.warehouse;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST provision}'s body. */
public record ProvisionRequest(
        @JsonProperty("database_name") String databaseName) {}
