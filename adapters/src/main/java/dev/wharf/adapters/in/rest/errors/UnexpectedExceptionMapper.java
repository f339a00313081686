package dev.wharf.adapters.in.rest.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything unexpected: logged with an id, answered 500 with that id and nothing else (no stack trace, no SQL). */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        return internalError(exception);
    }

    static Response internalError(Throwable exception) {
        String id = UUID.randomUUID().toString();
        LOG.error("Unexpected error {} ({})", id, exception.getClass().getName(), exception);
        return ErrorBody.response(500, "An internal error occurred (error id " + id + ")");
    }
}
