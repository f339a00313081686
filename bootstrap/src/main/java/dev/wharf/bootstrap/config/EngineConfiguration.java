package dev.wharf.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Which engine holds the warehouses ({@code postgres} or {@code duckgres}), with a block per engine. */
public class EngineConfiguration {
    @NotNull
    @Pattern(
            regexp = "postgres|duckgres",
            message = "must be postgres or duckgres (the h2 engine is gone: see docs/engines.md)")
    private String type = "postgres";

    @Valid
    @NotNull
    private PostgresEngineConfiguration postgres = new PostgresEngineConfiguration();

    @Valid
    @NotNull
    private DuckgresEngineConfiguration duckgres = new DuckgresEngineConfiguration();

    @JsonProperty
    public PostgresEngineConfiguration getPostgres() {
        return postgres;
    }

    @JsonProperty
    public void setPostgres(PostgresEngineConfiguration postgres) {
        this.postgres = postgres;
    }

    @JsonProperty
    public DuckgresEngineConfiguration getDuckgres() {
        return duckgres;
    }

    @JsonProperty
    public void setDuckgres(DuckgresEngineConfiguration duckgres) {
        this.duckgres = duckgres;
    }

    @JsonProperty
    public String getType() {
        return type;
    }

    @JsonProperty
    public void setType(String type) {
        this.type = type;
    }
}
