package dev.wharf.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.application.ratelimit.RateLimitPolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The per-project limit of provision, deprovision and reset-password: {@code perMinute} calls in each one-minute
 * window, shared by every Wharf instance on one metadata database.
 */
public class RateLimitConfiguration {
    @Min(1)
    @Max(1_000_000)
    private int perMinute = RateLimitPolicy.DEFAULT_PER_MINUTE;

    public int perMinute() {
        return perMinute;
    }

    @JsonProperty
    public void setPerMinute(int value) {
        this.perMinute = value;
    }
}
