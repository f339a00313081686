package dev.wharf.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The PostgreSQL engine: an admin connection (a role with CREATEDB and CREATEROLE, possibly on another server than
 * Wharf's metadata) and the host and port users are told to connect to; or, with {@code embedded.enabled}, a server
 * Wharf runs itself. Either way {@code limits} are put on every warehouse login.
 */
public class PostgresEngineConfiguration {
    @NotEmpty
    private String adminUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";

    @NotEmpty
    private String adminUser = "postgres";

    private String adminPassword = "";

    @NotEmpty
    private String publicHost = "127.0.0.1";

    @Min(1)
    @Max(65535)
    private int publicPort = 5432;

    @NotNull
    private Duration connectTimeout = Duration.seconds(5);

    @NotNull
    private Duration statementTimeout = Duration.seconds(30);

    @NotEmpty
    private String rolePrefix = "wh_";

    @Valid
    @NotNull
    private EmbeddedPostgresConfiguration embedded = new EmbeddedPostgresConfiguration();

    @Valid
    @NotNull
    private LoginLimitsConfiguration limits = new LoginLimitsConfiguration();

    /** The sslmode users are told to connect with (prefer, require, verify-full, ...); the embedded server's is require. */
    @NotEmpty
    private String sslMode = "prefer";

    @JsonProperty
    public EmbeddedPostgresConfiguration getEmbedded() {
        return embedded;
    }

    @JsonProperty
    public void setEmbedded(EmbeddedPostgresConfiguration embedded) {
        this.embedded = embedded;
    }

    @JsonProperty
    public LoginLimitsConfiguration getLimits() {
        return limits;
    }

    @JsonProperty
    public void setLimits(LoginLimitsConfiguration limits) {
        this.limits = limits;
    }

    @JsonProperty
    public String getSslMode() {
        return sslMode;
    }

    @JsonProperty
    public void setSslMode(String sslMode) {
        this.sslMode = sslMode;
    }

    /** A group every warehouse login joins, so pg_hba.conf can require SCRAM for exactly those logins. */
    private String loginGroup = "";

    @JsonProperty
    public String getLoginGroup() {
        return loginGroup;
    }

    @JsonProperty
    public void setLoginGroup(String loginGroup) {
        this.loginGroup = loginGroup == null ? "" : loginGroup;
    }

    @JsonProperty
    public String getAdminUrl() {
        return adminUrl;
    }

    @JsonProperty
    public void setAdminUrl(String adminUrl) {
        this.adminUrl = adminUrl;
    }

    @JsonProperty
    public String getAdminUser() {
        return adminUser;
    }

    @JsonProperty
    public void setAdminUser(String adminUser) {
        this.adminUser = adminUser;
    }

    public String getAdminPassword() {
        return adminPassword;
    }

    @JsonProperty
    public void setAdminPassword(String adminPassword) {
        this.adminPassword = adminPassword == null ? "" : adminPassword;
    }

    @JsonProperty
    public String getPublicHost() {
        return publicHost;
    }

    @JsonProperty
    public void setPublicHost(String publicHost) {
        this.publicHost = publicHost;
    }

    @JsonProperty
    public int getPublicPort() {
        return publicPort;
    }

    @JsonProperty
    public void setPublicPort(int publicPort) {
        this.publicPort = publicPort;
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
    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    @JsonProperty
    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    @JsonProperty
    public String getRolePrefix() {
        return rolePrefix;
    }

    @JsonProperty
    public void setRolePrefix(String rolePrefix) {
        this.rolePrefix = rolePrefix;
    }
}
