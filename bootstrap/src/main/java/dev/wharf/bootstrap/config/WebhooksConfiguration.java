package dev.wharf.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import java.util.concurrent.TimeUnit;

/**
 * Where webhooks may be delivered and how long an attempt may take. The defaults are production's: {@code https}
 * only, and no address that resolves to loopback, a private network, link-local or a cloud's metadata service
 * (dev mode allows {@code http} and loopback). Every address a name resolves to is checked at each delivery.
 */
public class WebhooksConfiguration {
    private boolean requireHttps = true;
    private boolean allowLoopback = false;
    private boolean allowPrivateNetworks = false;

    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 30, unit = TimeUnit.SECONDS)
    private Duration connectTimeout = Duration.seconds(5);

    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 60, unit = TimeUnit.SECONDS)
    private Duration responseTimeout = Duration.seconds(10);

    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    private Duration idleInterval = Duration.seconds(1);

    public boolean requireHttps() {
        return requireHttps;
    }

    public boolean allowLoopback() {
        return allowLoopback;
    }

    public boolean allowPrivateNetworks() {
        return allowPrivateNetworks;
    }

    public java.time.Duration connectTimeout() {
        return java.time.Duration.ofMillis(connectTimeout.toMilliseconds());
    }

    public java.time.Duration responseTimeout() {
        return java.time.Duration.ofMillis(responseTimeout.toMilliseconds());
    }

    public java.time.Duration idleInterval() {
        return java.time.Duration.ofMillis(idleInterval.toMilliseconds());
    }

    @JsonProperty
    public void setRequireHttps(boolean value) {
        this.requireHttps = value;
    }

    @JsonProperty
    public void setAllowLoopback(boolean value) {
        this.allowLoopback = value;
    }

    @JsonProperty
    public void setAllowPrivateNetworks(boolean value) {
        this.allowPrivateNetworks = value;
    }

    @JsonProperty
    public void setConnectTimeout(Duration value) {
        this.connectTimeout = value;
    }

    @JsonProperty
    public void setResponseTimeout(Duration value) {
        this.responseTimeout = value;
    }

    @JsonProperty
    public void setIdleInterval(Duration value) {
        this.idleInterval = value;
    }
}
