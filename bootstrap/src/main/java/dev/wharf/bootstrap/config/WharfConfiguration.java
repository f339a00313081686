package dev.wharf.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.bootstrap.dev.DevModeSettings;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Wharf's configuration file: the metadata database, start-up behaviour, the key-hashing secret, engines, jobs,
 * billing, the rate limit, and dev mode.
 */
public class WharfConfiguration extends Configuration {
    @Valid
    @NotNull
    private DataSourceFactory database = new DataSourceFactory();

    /** Apply pending schema migrations at start-up (dev mode); otherwise a pending migration stops the start. */
    private boolean migrateOnStart;

    @Valid
    @NotNull
    private EngineConfiguration engine = new EngineConfiguration();

    @Valid
    @NotNull
    private WorkerConfiguration provisioning = new WorkerConfiguration();

    @JsonProperty
    public EngineConfiguration getEngine() {
        return engine;
    }

    @JsonProperty
    public void setEngine(EngineConfiguration engine) {
        this.engine = engine;
    }

    @JsonProperty
    public WorkerConfiguration getProvisioning() {
        return provisioning;
    }

    @JsonProperty
    public void setProvisioning(WorkerConfiguration provisioning) {
        this.provisioning = provisioning;
    }

    @Valid
    @NotNull
    private JobsConfiguration jobs = new JobsConfiguration();

    @JsonProperty
    public JobsConfiguration getJobs() {
        return jobs;
    }

    @JsonProperty
    public void setJobs(JobsConfiguration jobs) {
        this.jobs = jobs;
    }

    @Valid
    @NotNull
    private BillingConfiguration billing = new BillingConfiguration();

    @JsonProperty
    public BillingConfiguration getBilling() {
        return billing;
    }

    @JsonProperty
    public void setBilling(BillingConfiguration billing) {
        this.billing = billing;
    }

    @Valid
    @NotNull
    private AuthConfiguration auth = new AuthConfiguration();

    @JsonProperty
    public AuthConfiguration getAuth() {
        return auth;
    }

    /** An empty {@code auth:} block is no block: the missing secret is then named, not the block. */
    @JsonProperty
    public void setAuth(AuthConfiguration auth) {
        this.auth = auth == null ? new AuthConfiguration() : auth;
    }

    @Valid
    @NotNull
    private RateLimitConfiguration rateLimit = new RateLimitConfiguration();

    @Valid
    @NotNull
    private WebhooksConfiguration webhooks = new WebhooksConfiguration();

    @JsonProperty
    public WebhooksConfiguration getWebhooks() {
        return webhooks;
    }

    @JsonProperty
    public void setWebhooks(WebhooksConfiguration webhooks) {
        this.webhooks = webhooks == null ? new WebhooksConfiguration() : webhooks;
    }

    @JsonProperty
    public RateLimitConfiguration getRateLimit() {
        return rateLimit;
    }

    @JsonProperty
    public void setRateLimit(RateLimitConfiguration rateLimit) {
        this.rateLimit = rateLimit;
    }

    /**
     * How long a found API key, project and membership are remembered: a revoked key or a removed member keeps access
     * at most this long; 0 reads the database on every request.
     */
    @NotNull
    private io.dropwizard.util.Duration accessCacheTtl = io.dropwizard.util.Duration.seconds(5);

    @JsonProperty
    public io.dropwizard.util.Duration getAccessCacheTtl() {
        return accessCacheTtl;
    }

    @JsonProperty
    public void setAccessCacheTtl(io.dropwizard.util.Duration accessCacheTtl) {
        this.accessCacheTtl = accessCacheTtl;
    }

    /** Present only in dev mode: where its API key is kept. */
    @Valid
    private DevModeSettings dev;

    @JsonProperty("database")
    public DataSourceFactory getDatabase() {
        return database;
    }

    @JsonProperty("database")
    public void setDatabase(DataSourceFactory database) {
        this.database = database;
    }

    @JsonProperty
    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }

    @JsonProperty
    public void setMigrateOnStart(boolean migrateOnStart) {
        this.migrateOnStart = migrateOnStart;
    }

    @JsonProperty
    public DevModeSettings getDev() {
        return dev;
    }

    @JsonProperty
    public void setDev(DevModeSettings dev) {
        this.dev = dev;
    }
}
