package dev.wharf.application.port.in.ratelimit;

/** The project has used its budget of limited calls for the current window (HTTP 429); nothing was done. */
public final class RateLimitExceededException extends RuntimeException {
    public static final String MESSAGE = "Request was throttled.";

    private final transient RateLimitStatus status;

    public RateLimitExceededException(RateLimitStatus status) {
        super(MESSAGE);
        this.status = status;
    }

    public RateLimitStatus status() {
        return status;
    }
}
