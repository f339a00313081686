package dev.wharf.adapters.in.rest.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** PostHog's standard error envelope, used for authentication, permission and not-found answers. */
public record PostHogError(String type, String code, String detail, String attr) {
    public static final String NOT_FOUND_DETAIL = "Not found.";

    public static Response authenticationFailed(String detail) {
        return response(401, new PostHogError("authentication_error", "authentication_failed", detail, null));
    }

    public static Response notFound() {
        return response(404, new PostHogError("invalid_request", "not_found", NOT_FOUND_DETAIL, null));
    }

    public static Response permissionDenied(String detail) {
        return response(403, new PostHogError("authentication_error", "permission_denied", detail, null));
    }

    private static Response response(int status, PostHogError body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build();
    }
}
