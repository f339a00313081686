package dev.wharf.application.service.provisioning;

import java.time.Duration;

/**
 * The provisioning worker's timing: the overall provisioning timeout (30 minutes by default, as the reference's
 * controller), the lease a claim holds, the poll interval for engines still working, and the retry backoff after an
 * engine error (doubling from {@code backoffBase} up to {@code backoffMax}).
 */
public record ProvisioningSettings(
        Duration provisioningTimeout,
        Duration lease,
        Duration pollInterval,
        Duration backoffBase,
        Duration backoffMax,
        int deletionAttempts) {
    /** Engine errors in a row after which a deletion gives up: with the default backoff, about 6 minutes. */
    public static final int DELETION_ATTEMPTS = 10;

    public ProvisioningSettings(
            Duration provisioningTimeout,
            Duration lease,
            Duration pollInterval,
            Duration backoffBase,
            Duration backoffMax) {
        this(provisioningTimeout, lease, pollInterval, backoffBase, backoffMax, DELETION_ATTEMPTS);
    }

    public static ProvisioningSettings defaults() {
        return new ProvisioningSettings(
                Duration.ofMinutes(30),
                Duration.ofSeconds(60),
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                Duration.ofMinutes(1));
    }

    /** The wait before attempt {@code failures + 1}: base × 2^(failures − 1), capped at the maximum. */
    public Duration backoff(int failures) {
        int exponent = Math.max(0, Math.min(failures - 1, 20));
        Duration wait = backoffBase.multipliedBy(1L << exponent);
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }
}
