package dev.wharf.application.port.in.ratelimit;

import java.time.Instant;

/**
 * Where a project's rate limit stands after a limited call was counted: {@code limit} calls per window,
 * {@code remaining} of them left in the current one, which ends at {@code resetAt}. A call that was not admitted
 * should be retried after {@code retryAfterSeconds} (at least 1), when the next window starts.
 */
public record RateLimitStatus(boolean admitted, int limit, int remaining, Instant resetAt, long retryAfterSeconds) {}
