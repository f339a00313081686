package dev.wharf.adapters.in.rest.warehouse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.application.port.in.warehouse.NameAvailability;

/** {@code GET check-database-name}: the reason only when the name is not available. */
public record NameCheckResponse(
        @JsonProperty("name") String name,
        @JsonProperty("available") boolean available,

        @JsonProperty("reason") @JsonInclude(JsonInclude.Include.NON_NULL)
        String reason) {
    static NameCheckResponse of(NameAvailability availability) {
        return new NameCheckResponse(
                availability.name(),
                availability.available(),
                availability.reason().orElse(null));
    }
}
