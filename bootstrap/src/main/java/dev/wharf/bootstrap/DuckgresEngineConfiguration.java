package dev.wharf.bootstrap;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

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

    /** Put before each database name to make duckgres' org id, so several Wharfs can share one duckgres. */
    private String orgIdPrefix = "";

    @JsonProperty
    public String getOrgIdPrefix() {
        return orgIdPrefix;
    }

    @JsonProperty
    public void setOrgIdPrefix(String orgIdPrefix) {
        this.orgIdPrefix = orgIdPrefix == null ? "" : orgIdPrefix;
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
