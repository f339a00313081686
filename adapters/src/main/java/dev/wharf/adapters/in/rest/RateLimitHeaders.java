package dev.wharf.adapters.in.rest;

import dev.wharf.application.port.in.ratelimit.RateLimitListener;
import dev.wharf.application.port.in.ratelimit.RateLimitStatus;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Puts where the project's rate limit stands on the answer to a limited call, whatever that answer is (a success, the
 * action's refusal, an engine failure, the 429): {@code X-RateLimit-Limit} (calls per window),
 * {@code X-RateLimit-Remaining} (left in the current window) and {@code X-RateLimit-Reset} (when the window ends, in
 * Unix seconds). A resource hands the use case {@link #listener}; the use case tells it once the call is counted, so
 * an answer given before that (no key, a project the caller cannot see, a missing scope or role, a malformed body)
 * carries none.
 */
@Provider
public final class RateLimitHeaders implements ContainerResponseFilter {
    public static final String LIMIT = "X-RateLimit-Limit";
    public static final String REMAINING = "X-RateLimit-Remaining";
    public static final String RESET = "X-RateLimit-Reset";
    private static final String PROPERTY = RateLimitHeaders.class.getName();

    /** Keeps what the use case reports with the request, for the answer. */
    public static RateLimitListener listener(ContainerRequestContext request) {
        return status -> request.setProperty(PROPERTY, status);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PROPERTY) instanceof RateLimitStatus status) {
            response.getHeaders().putSingle(LIMIT, Integer.toString(status.limit()));
            response.getHeaders().putSingle(REMAINING, Integer.toString(status.remaining()));
            response.getHeaders()
                    .putSingle(RESET, Long.toString(status.resetAt().getEpochSecond()));
        }
    }
}
