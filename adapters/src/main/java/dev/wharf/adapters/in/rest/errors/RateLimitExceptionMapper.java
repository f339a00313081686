package dev.wharf.adapters.in.rest.errors;

import dev.wharf.application.port.in.ratelimit.RateLimitExceededException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The project's rate limit is used up: 429 {@code {"error": "Request was throttled."}}, and when to come back. */
@Provider
public final class RateLimitExceptionMapper implements ExceptionMapper<RateLimitExceededException> {
    @Override
    public Response toResponse(RateLimitExceededException exception) {
        return Response.fromResponse(ErrorBody.response(429, RateLimitExceededException.MESSAGE))
                .header(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(exception.status().retryAfterSeconds()))
                .build();
    }
}
