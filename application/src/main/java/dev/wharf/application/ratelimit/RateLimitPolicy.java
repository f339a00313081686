package dev.wharf.application.ratelimit;

import dev.wharf.application.port.in.ratelimit.RateLimitStatus;
import dev.wharf.application.port.out.ratelimit.RateLimiter;
import dev.wharf.domain.project.ProjectId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The per-project limit of the warehouse management calls: {@code perMinute} calls in each fixed one-minute window,
 * windows starting on the clock's whole minutes (UTC), counted through the shared {@link RateLimiter}. A fixed window
 * costs one counter row per project and one atomic update per call; the price is that a project can make up to twice
 * its limit across a window boundary. Instances share windows only as far as their clocks agree (keep them in sync).
 */
public final class RateLimitPolicy {
    public static final int DEFAULT_PER_MINUTE = 30;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final RateLimiter limiter;
    private final int perMinute;
    private final Clock clock;

    public RateLimitPolicy(RateLimiter limiter, int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("the rate limit must be at least 1 a minute, got " + perMinute);
        }
        this.limiter = limiter;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts one call of {@code project}, if its budget allows it; where the limit stands either way. */
    public RateLimitStatus take(ProjectId project) {
        Instant now = clock.instant();
        long window = WINDOW.getSeconds();
        Instant start = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), window) * window);
        Instant reset = start.plus(WINDOW);
        RateLimiter.Count count = limiter.take(project, start, perMinute);
        Duration left = Duration.between(now, reset);
        long retryAfter = Math.max(1, left.getSeconds() + (left.getNano() > 0 ? 1 : 0));
        return new RateLimitStatus(
                count.admitted(), perMinute, Math.max(0, perMinute - count.used()), reset, retryAfter);
    }
}
