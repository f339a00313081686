package dev.wharf.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** The duckgres engine: PostHog's provisioning service, over its HTTP API. */
public class DuckgresEngineConfiguration {
    @NotEmpty
    private String url = "http://127.0.0.1:8080";

    private String internalSecret = "";

    @NotNull
    private Duration connectTimeout = Duration.seconds(5);

    @NotNull
    private Duration requestTimeout = Duration.seconds(30);

    @NotNull
    private Duration nameCheckTimeout = Duration.seconds(10);

    private String publicHostSuffix = "";

    /**
     * Mixed into every org id Wharf derives (a UUID of the warehouse's tag), so that several Wharfs sharing one
     * duckgres never derive the same one. Changing it orphans the warehouses made before.
     */
    private String orgIdNamespace = "";

    /** The database users connect to, as PostHog presents it; empty: the one duckgres reports. */
    private String database = "ducklake";

    /** Sent as {@code metadata_store} on provision: {@code {type: cnpg-shard}} or {@code {type: external, …}}. */
    private Map<String, Object> metadataStore = Map.of("type", "cnpg-shard");

    /** Sent as {@code data_store} on provision; empty: not sent, duckgres makes a bucket per org. */
    private Map<String, Object> dataStore = Map.of();

    @JsonProperty
    public String getOrgIdNamespace() {
        return orgIdNamespace;
    }

    @JsonProperty
    public void setOrgIdNamespace(String orgIdNamespace) {
        this.orgIdNamespace = orgIdNamespace == null ? "" : orgIdNamespace;
    }

    @JsonProperty
    public String getDatabase() {
        return database;
    }

    @JsonProperty
    public void setDatabase(String database) {
        this.database = database == null ? "" : database;
    }

    @JsonProperty
    public Map<String, Object> getMetadataStore() {
        return metadataStore;
    }

    @JsonProperty
    public void setMetadataStore(Map<String, Object> metadataStore) {
        this.metadataStore = metadataStore == null ? Map.of() : metadataStore;
    }

    @JsonProperty
    public Map<String, Object> getDataStore() {
        return dataStore;
    }

    @JsonProperty
    public void setDataStore(Map<String, Object> dataStore) {
        this.dataStore = dataStore == null ? Map.of() : dataStore;
    }

    @Min(1)
    @Max(65535)
    private int publicPort = 5432;

    @JsonProperty
    public String getUrl() {
        return url;
    }

    @JsonProperty
    public void setUrl(String url) {
        this.url = url;
    }

    public String getInternalSecret() {
        return internalSecret;
    }

    @JsonProperty
    public void setInternalSecret(String internalSecret) {
        this.internalSecret = internalSecret == null ? "" : internalSecret;
    }

    @JsonProperty
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    @JsonProperty
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @JsonProperty
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    @JsonProperty
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    @JsonProperty
    public Duration getNameCheckTimeout() {
        return nameCheckTimeout;
    }

    @JsonProperty
    public void setNameCheckTimeout(Duration nameCheckTimeout) {
        this.nameCheckTimeout = nameCheckTimeout;
    }

    @JsonProperty
    public String getPublicHostSuffix() {
        return publicHostSuffix;
    }

    @JsonProperty
    public void setPublicHostSuffix(String publicHostSuffix) {
        this.publicHostSuffix = publicHostSuffix == null ? "" : publicHostSuffix;
    }

    @JsonProperty
    public int getPublicPort() {
        return publicPort;
    }

    @JsonProperty
    public void setPublicPort(int publicPort) {
        this.publicPort = publicPort;
    }
}
