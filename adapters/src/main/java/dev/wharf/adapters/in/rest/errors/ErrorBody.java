package dev.wharf.adapters.in.rest.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The data-warehouse endpoints' hand-built error body, {@code {"error": "…"}}, as PostHog sends it. */
public record ErrorBody(String error) {
    public static Response response(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(message))
                .build();
    }
}
