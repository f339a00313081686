package dev.wharf.adapters.in.rest.errors;

import dev.wharf.application.logging.LogThrottle;
import dev.wharf.application.logging.OneLine;
import dev.wharf.domain.shared.BackendUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything unexpected: answered 500 with an error id and nothing else (no stack trace, no SQL), and logged under that
 * id. The log stays bounded when the same fault hits every request (an outage, a bug on a busy path): a fault is its
 * exception's class and where it was thrown; its first occurrence in this process is logged with its stack trace (a
 * bug's trace is worth having once), later ones as one line with the causes, and at most one line a minute per fault
 * with the count of those left out ({@link LogThrottle}). An answer whose own occurrence was not logged gives the id of
 * the line that was, which describes the same fault.
 *
 * <p>A body that ended before its declared length (the client went away or half-closed mid-upload, which reaches here
 * as Jetty's {@link EofException}) is the client's doing, not a fault: 400, one INFO line at most a minute, no stack
 * trace. Only Jetty's, and never beneath a database or engine failure: the PostgreSQL driver reports a lost server
 * connection with a plain {@code EOFException}, and that is an outage, 500 with an ERROR line.
 */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    static final String BODY_ENDED_EARLY = "The request body ended before its declared length";

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);
    /** How far down the causes to look for the end of the body; a chain longer than this is not Jetty's. */
    private static final int MAX_CAUSES = 16;
    /** Faults whose stack trace was logged; past this many, no more traces (a flood of new faults is one line each). */
    private static final int MAX_TRACED = 128;

    private static final LogThrottle THROTTLE = new LogThrottle(Clock.systemUTC(), Duration.ofMinutes(1), 256);
    private static final Set<String> TRACED = new HashSet<>();

    @Override
    public Response toResponse(Throwable exception) {
        return internalError(exception);
    }

    static Response internalError(Throwable exception) {
        if (bodyEndedEarly(exception)) {
            LogThrottle.Verdict verdict = THROTTLE.admit("body ended early", null);
            if (verdict.log()) {
                LOG.info(
                        "A request body ended before its declared length ({}): the client went away{}",
                        exception.getClass().getName(),
                        verdict.summary());
            }
            return ErrorBody.response(400, BODY_ENDED_EARLY);
        }
        String fault = fault(exception);
        LogThrottle.Verdict verdict = THROTTLE.admit(fault, UUID.randomUUID().toString());
        if (verdict.log()) {
            if (firstTrace(fault)) {
                LOG.error("Unexpected error {} ({}){}", verdict.reference(), fault, verdict.summary(), exception);
            } else {
                LOG.error(
                        "Unexpected error {} ({}): {}{}",
                        verdict.reference(),
                        fault,
                        OneLine.of(exception),
                        verdict.summary());
            }
        }
        return ErrorBody.response(500, "An internal error occurred (error id " + verdict.reference() + ")");
    }

    /** The exception's class and the place it was thrown: what makes two failures the same fault. */
    /**
     * The exception's class and the first place in Wharf's own code it passed through (else where it was thrown): a
     * failure thrown deep in a library (JDBI, the driver) is told apart by the Wharf code that called it.
     */
    static String fault(Throwable exception) {
        StackTraceElement[] trace = exception.getStackTrace();
        StackTraceElement place = trace.length == 0 ? null : trace[0];
        for (StackTraceElement frame : trace) {
            if (frame.getClassName().startsWith("dev.wharf.")) {
                place = frame;
                break;
            }
        }
        return exception.getClass().getName()
                + (place == null
                        ? ""
                        : " at " + place.getClassName() + "." + place.getMethodName() + ":" + place.getLineNumber());
    }

    private static boolean firstTrace(String fault) {
        synchronized (TRACED) {
            return TRACED.size() < MAX_TRACED && TRACED.add(fault);
        }
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
