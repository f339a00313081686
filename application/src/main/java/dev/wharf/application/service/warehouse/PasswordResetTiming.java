package dev.wharf.application.service.warehouse;

import java.time.Duration;

/**
 * How long a password reset holds its warehouse ({@code lease}: longer than the engine's longest call, see {@link
 * #coveringEngineCalls}), and how long another reset of the same warehouse waits for it before it is refused ({@code
 * maxWait}).
 */
public record PasswordResetTiming(Duration lease, Duration maxWait) {
    public PasswordResetTiming {
        if (lease.isNegative() || lease.isZero() || maxWait.isNegative()) {
            throw new IllegalArgumentException("a reset's lease must be positive and its wait not negative");
        }
    }

    private static final Duration SHORTEST_LEASE = Duration.ofMinutes(2);
    private static final Duration MAX_WAIT = Duration.ofSeconds(45);
    private static final Duration MARGIN = Duration.ofSeconds(30);

    public static PasswordResetTiming defaults() {
        return new PasswordResetTiming(SHORTEST_LEASE, MAX_WAIT);
    }

    /**
     * A lease of twice {@code longestCall} (the most a {@code setPassword} can take under the engine's timeouts) and
     * half a minute more, and never under two minutes; the default wait.
     */
    public static PasswordResetTiming coveringEngineCalls(Duration longestCall) {
        Duration covering = longestCall.multipliedBy(2).plus(MARGIN);
        return new PasswordResetTiming(covering.compareTo(SHORTEST_LEASE) > 0 ? covering : SHORTEST_LEASE, MAX_WAIT);
    }
}
