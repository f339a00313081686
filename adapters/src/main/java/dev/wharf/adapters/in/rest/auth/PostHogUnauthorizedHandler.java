package dev.wharf.adapters.in.rest.auth;

import dev.wharf.adapters.in.rest.errors.PostHogError;
import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A missing or unknown key: 401 in PostHog's error shape. */
public final class PostHogUnauthorizedHandler implements UnauthorizedHandler {
    public static final String DETAIL = "Incorrect or missing personal API key.";

    @Override
    public Response buildResponse(String prefix, String realm) {
        return Response.fromResponse(PostHogError.authenticationFailed(DETAIL))
                .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
                .build();
    }
}
