package dev.wharf.adapters.in.rest.errors;

import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.shared.DomainException;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.shared.RuleViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The domain's error taxonomy as HTTP: rule violation 400, not found 404, conflict 409, an engine that does not answer
 * 502 (unreachable, or refusing Wharf's credentials) or 504 (timed out). The message is the documented one; a backend's own words never reach the
 * client, since they may name internal hosts.
 */
@Provider
public final class DomainExceptionMapper implements ExceptionMapper<DomainException> {
    public static final String UNREACHABLE = "Provisioning service is unreachable";
    public static final String TIMED_OUT = "Provisioning service timed out";
    public static final String CREDENTIALS_REFUSED = "Provisioning service refused Wharf's credentials";

    @Override
    public Response toResponse(DomainException exception) {
        if (exception instanceof RuleViolationException) {
            return ErrorBody.response(400, exception.getMessage());
        }
        if (exception instanceof NotFoundException) {
            return ErrorBody.response(404, exception.getMessage());
        }
        if (exception instanceof ConflictException) {
            return ErrorBody.response(409, exception.getMessage());
        }
        if (exception instanceof BackendUnavailableException backend) {
            if (backend.reason() == BackendUnavailableException.Reason.CREDENTIALS_REFUSED) {
                return ErrorBody.response(502, CREDENTIALS_REFUSED);
            }
            return backend.reason() == BackendUnavailableException.Reason.TIMEOUT
                    ? ErrorBody.response(504, TIMED_OUT)
                    : ErrorBody.response(502, UNREACHABLE);
        }
        return ErrorBody.response(500, "An internal error occurred");
    }
}
