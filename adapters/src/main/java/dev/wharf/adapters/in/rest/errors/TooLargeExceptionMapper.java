package dev.wharf.adapters.in.rest.errors;

import dev.wharf.adapters.in.rest.BodySizeLimitFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body without a declared length that grew past the limit while it was read: 413. */
@Provider
public final class TooLargeExceptionMapper implements ExceptionMapper<BodySizeLimitFilter.TooLargeException> {
    @Override
    public Response toResponse(BodySizeLimitFilter.TooLargeException exception) {
        return ErrorBody.response(413, BodySizeLimitFilter.TOO_LARGE);
    }
}
