package dev.wharf.application.port.in.ratelimit;

/**
 * Told where the project's rate limit stands as soon as a limited call has been counted (or refused), before the
 * action runs: so an entry point can report it on every answer, whatever the action's outcome.
 */
@FunctionalInterface
public interface RateLimitListener {
    /** For callers that do not report the limit. */
    RateLimitListener NONE = status -> {};

    void counted(RateLimitStatus status);
}
