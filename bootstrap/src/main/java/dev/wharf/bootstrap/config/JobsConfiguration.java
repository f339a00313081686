package dev.wharf.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Warehouse jobs: how long a running job may go without a heartbeat before it is failed, how often Wharf looks for
 * such jobs, and how many it fails per transaction batch.
 */
public class JobsConfiguration {
    @NotNull
    private Duration heartbeatTimeout = Duration.minutes(30);

    @NotNull
    private Duration staleCheckInterval = Duration.seconds(30);

    @Min(1)
    @Max(10_000)
    private int staleBatchSize = 100;

    public java.time.Duration heartbeatTimeout() {
        return java.time.Duration.ofMillis(heartbeatTimeout.toMilliseconds());
    }

    public java.time.Duration staleCheckInterval() {
        return java.time.Duration.ofMillis(staleCheckInterval.toMilliseconds());
    }

    public int staleBatchSize() {
        return staleBatchSize;
    }

    @JsonProperty
    public void setHeartbeatTimeout(Duration value) {
        this.heartbeatTimeout = value;
    }

    @JsonProperty
    public void setStaleCheckInterval(Duration value) {
        this.staleCheckInterval = value;
    }

    @JsonProperty
    public void setStaleBatchSize(int value) {
        this.staleBatchSize = value;
    }
}
