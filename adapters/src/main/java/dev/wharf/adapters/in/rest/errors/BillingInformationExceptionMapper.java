package dev.wharf.adapters.in.rest.errors;

import dev.wharf.application.logging.LogThrottle;
import dev.wharf.application.logging.OneLine;
import dev.wharf.application.port.in.usage.BillingInformationUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Billing or the row sums failed: 500 with PostHog's words, {@code {"error": "An error occurred retrieving billing
 * information"}}, and no partial data. The cause goes to the log only, as one line, and while billing stays down at most
 * one line a minute per kind of cause, with the count of those left out ({@link LogThrottle}).
 */
@Provider
public final class BillingInformationExceptionMapper
        implements ExceptionMapper<BillingInformationUnavailableException> {
    private static final Logger LOG = LoggerFactory.getLogger(BillingInformationExceptionMapper.class);
    private static final LogThrottle THROTTLE = new LogThrottle(Clock.systemUTC(), Duration.ofMinutes(1), 64);

    @Override
    public Response toResponse(BillingInformationUnavailableException exception) {
        Throwable cause = exception.getCause() == null ? exception : exception.getCause();
        LogThrottle.Verdict verdict = THROTTLE.admit(cause.getClass().getName(), null);
        if (verdict.log()) {
            LOG.warn("total_rows_stats failed: {}{}", OneLine.of(cause), verdict.summary());
        }
        return ErrorBody.response(500, BillingInformationUnavailableException.MESSAGE);
    }
}
