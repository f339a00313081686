package dev.wharf.adapters.in.rest.errors;

import dev.wharf.domain.shared.BackendUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything unexpected: logged with an id, answered 500 with that id and nothing else (no stack trace, no SQL). A body
 * that ended before its declared length (the client went away or half-closed mid-upload, which reaches here as Jetty's
 * {@link EofException}) is the client's doing, not a fault: 400, one INFO line, no stack trace. Only Jetty's, and
 * never beneath a database or engine failure: the PostgreSQL driver reports a lost server connection with a plain
 * {@code EOFException}, and that is an outage, 500 with an ERROR line.
 */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    static final String BODY_ENDED_EARLY = "The request body ended before its declared length";

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);
    /** How far down the causes to look for the end of the body; a chain longer than this is not Jetty's. */
    private static final int MAX_CAUSES = 16;

    @Override
    public Response toResponse(Throwable exception) {
        return internalError(exception);
    }

    static Response internalError(Throwable exception) {
        if (bodyEndedEarly(exception)) {
            LOG.info(
                    "A request body ended before its declared length ({}): the client went away",
                    exception.getClass().getName());
            return ErrorBody.response(400, BODY_ENDED_EARLY);
        }
        String id = UUID.randomUUID().toString();
        LOG.error("Unexpected error {} ({})", id, exception.getClass().getName(), exception);
        return ErrorBody.response(500, "An internal error occurred (error id " + id + ")");
    }

    private static boolean bodyEndedEarly(Throwable exception) {
        Throwable cause = exception;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
            if (cause instanceof SQLException || cause instanceof BackendUnavailableException) {
                return false;
            }
            if (cause instanceof EofException) {
                return true;
            }
            cause = cause.getCause();
        }
        return false;
    }
}
