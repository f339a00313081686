package dev.wharf.adapters.in.rest.errors;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Jersey's own refusals (unknown path, wrong method, wrong content type, …) as {@code {"error": …}}. */
@Provider
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.hasEntity() && original.getMediaType() != null) {
            return original;
        }
        int status = original.getStatus();
        if (status >= 500) {
            return UnexpectedExceptionMapper.internalError(exception);
        }
        Response.ResponseBuilder answer = Response.fromResponse(ErrorBody.response(status, message(exception)));
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }

    private static String message(WebApplicationException exception) {
        if (exception instanceof NotSupportedException) {
            return "Content-Type must be application/json";
        }
        if (exception instanceof NotAllowedException) {
            return "Method not allowed";
        }
        if (exception instanceof NotFoundException) {
            return "Not found";
        }
        Response.StatusType status = exception.getResponse().getStatusInfo();
        return status.getReasonPhrase() == null ? "Request refused" : status.getReasonPhrase();
    }
}
