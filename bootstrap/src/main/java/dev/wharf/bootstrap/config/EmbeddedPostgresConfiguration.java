package dev.wharf.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The PostgreSQL server Wharf runs itself for the warehouses (dev mode's): where it lives, who runs it when Wharf is
 * root, and the server-wide settings a shared server needs. When enabled, the PostgreSQL engine administers it and
 * its {@code adminUrl}, {@code adminUser}, {@code adminPassword} and {@code publicPort} are not used.
 */
public class EmbeddedPostgresConfiguration {
    private boolean enabled;

    @NotEmpty
    private String directory = "./.wharf/postgres";

    /** An installed PostgreSQL's bin directory to use instead of the binaries inside Wharf ({@code WHARF_PG_BIN}). */
    private String binDir = "";

    /** The unprivileged user the server runs as when Wharf is root ({@code WHARF_PG_USER}); empty for nobody. */
    private String runAs = "";

    @NotEmpty
    private String bindHost = "127.0.0.1";

    @Min(1)
    @Max(65535)
    private int port = 15432;

    @Min(5)
    @Max(10000)
    private int maxConnections = 100;

    @NotNull
    private Duration authenticationTimeout = Duration.seconds(10);

    @NotNull
    private Duration startTimeout = Duration.seconds(60);

    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @JsonProperty
    public String getDirectory() {
        return directory;
    }

    @JsonProperty
    public void setDirectory(String directory) {
        this.directory = directory;
    }

    @JsonProperty
    public String getBinDir() {
        return binDir;
    }

    @JsonProperty
    public void setBinDir(String binDir) {
        this.binDir = binDir == null ? "" : binDir;
    }

    @JsonProperty
    public String getRunAs() {
        return runAs;
    }

    @JsonProperty
    public void setRunAs(String runAs) {
        this.runAs = runAs == null ? "" : runAs;
    }

    @JsonProperty
    public String getBindHost() {
        return bindHost;
    }

    @JsonProperty
    public void setBindHost(String bindHost) {
        this.bindHost = bindHost;
    }

    @JsonProperty
    public int getPort() {
        return port;
    }

    @JsonProperty
    public void setPort(int port) {
        this.port = port;
    }

    @JsonProperty
    public int getMaxConnections() {
        return maxConnections;
    }

    @JsonProperty
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    @JsonProperty
    public Duration getAuthenticationTimeout() {
        return authenticationTimeout;
    }

    @JsonProperty
    public void setAuthenticationTimeout(Duration authenticationTimeout) {
        this.authenticationTimeout = authenticationTimeout;
    }

    @JsonProperty
    public Duration getStartTimeout() {
        return startTimeout;
    }

    @JsonProperty
    public void setStartTimeout(Duration startTimeout) {
        this.startTimeout = startTimeout;
    }
}
