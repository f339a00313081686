package dev.wharf.bootstrap;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Which engine holds the warehouses ({@code h2}, {@code postgres} or {@code duckgres}), with a block per engine. */
public class EngineConfiguration {
    @NotNull
    @Pattern(regexp = "h2|postgres|duckgres", message = "must be h2, postgres or duckgres")
    private String type = "h2";

    @Valid
    @NotNull
    private H2EngineConfiguration h2 = new H2EngineConfiguration();

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

    @JsonProperty
    public H2EngineConfiguration getH2() {
        return h2;
    }

    @JsonProperty
    public void setH2(H2EngineConfiguration h2) {
        this.h2 = h2;
    }
}
