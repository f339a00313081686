package dev.wharf.adapters.in.rest.errors;

import dev.wharf.application.port.in.usage.BillingInformationUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Billing or the row sums failed: 500 with PostHog's words, {@code {"error": "An error occurred retrieving billing
 * information"}}, and no partial data. The cause goes to the log only.
 */
@Provider
public final class BillingInformationExceptionMapper
        implements ExceptionMapper<BillingInformationUnavailableException> {
    private static final Logger LOG = LoggerFactory.getLogger(BillingInformationExceptionMapper.class);

    @Override
    public Response toResponse(BillingInformationUnavailableException exception) {
        LOG.warn("total_rows_stats failed", exception.getCause());
        return ErrorBody.response(500, BillingInformationUnavailableException.MESSAGE);
    }
}
