package dev.wharf.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.application.service.provisioning.ProvisioningSettings;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/** The provisioning worker's timing (see {@link ProvisioningSettings}) and how often it looks for work when idle. */
public class WorkerConfiguration {
    @NotNull
    private Duration provisioningTimeout = Duration.minutes(30);

    @NotNull
    private Duration lease = Duration.seconds(60);

    @NotNull
    private Duration pollInterval = Duration.seconds(2);

    @NotNull
    private Duration backoffBase = Duration.seconds(1);

    @NotNull
    private Duration backoffMax = Duration.minutes(1);

    @NotNull
    private Duration idleInterval = Duration.seconds(1);

    /** Engine errors in a row after which a deletion gives up and the warehouse is failed, saying why. */
    @jakarta.validation.constraints.Min(1)
    private int deletionAttempts = ProvisioningSettings.DELETION_ATTEMPTS;

    @JsonProperty
    public void setDeletionAttempts(int value) {
        this.deletionAttempts = value;
    }

    /** How often the ready warehouses are checked against the engine (and once at each start). */
    @NotNull
    private Duration checkInterval = Duration.minutes(5);

    public java.time.Duration checkInterval() {
        return java.time.Duration.ofMillis(checkInterval.toMilliseconds());
    }

    @JsonProperty
    public void setCheckInterval(Duration value) {
        this.checkInterval = value;
    }

    public ProvisioningSettings toSettings() {
        return new ProvisioningSettings(
                java.time.Duration.ofMillis(provisioningTimeout.toMilliseconds()),
                java.time.Duration.ofMillis(lease.toMilliseconds()),
                java.time.Duration.ofMillis(pollInterval.toMilliseconds()),
                java.time.Duration.ofMillis(backoffBase.toMilliseconds()),
                java.time.Duration.ofMillis(backoffMax.toMilliseconds()),
                deletionAttempts);
    }

    public java.time.Duration idle() {
        return java.time.Duration.ofMillis(idleInterval.toMilliseconds());
    }

    @JsonProperty
    public void setProvisioningTimeout(Duration value) {
        this.provisioningTimeout = value;
    }

    @JsonProperty
    public void setLease(Duration value) {
        this.lease = value;
    }

    @JsonProperty
    public void setPollInterval(Duration value) {
        this.pollInterval = value;
    }

    @JsonProperty
    public void setBackoffBase(Duration value) {
        this.backoffBase = value;
    }

    @JsonProperty
    public void setBackoffMax(Duration value) {
        this.backoffMax = value;
    }

    @JsonProperty
    public void setIdleInterval(Duration value) {
        this.idleInterval = value;
    }
}
