package dev.wharf.bootstrap;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Which engine holds the warehouses ({@code h2} for now), with a settings block per engine. */
public class EngineConfiguration {
    @NotNull
    @Pattern(regexp = "h2", message = "must be h2 (postgres and duckgres are coming)")
    private String type = "h2";

    @Valid
    @NotNull
    private H2EngineConfiguration h2 = new H2EngineConfiguration();

    @JsonProperty
    public String getType() {
        return type;
    }

    @JsonProperty
    public void setType(String type) {
        this.type = type;
    }

    @JsonProperty
    public H2EngineConfiguration getH2() {
        return h2;
    }

    @JsonProperty
    public void setH2(H2EngineConfiguration h2) {
        this.h2 = h2;
    }
}
