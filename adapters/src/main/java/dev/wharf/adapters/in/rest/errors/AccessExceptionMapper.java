package dev.wharf.adapters.in.rest.errors;

import dev.wharf.application.port.in.auth.AccessDeniedException;
import dev.wharf.application.port.in.auth.MissingScopeException;
import dev.wharf.application.port.in.auth.NotAnAdminException;
import dev.wharf.application.port.in.auth.ProjectNotVisibleException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Authorization refusals: 404 for a project the caller cannot see, 403 for a missing scope or role. */
@Provider
public final class AccessExceptionMapper implements ExceptionMapper<AccessDeniedException> {
    @Override
    public Response toResponse(AccessDeniedException exception) {
        if (exception instanceof ProjectNotVisibleException) {
            return PostHogError.notFound();
        }
        if (exception instanceof MissingScopeException) {
            return PostHogError.permissionDenied(exception.getMessage());
        }
        if (exception instanceof NotAnAdminException) {
            return ErrorBody.response(403, exception.getMessage());
        }
        return PostHogError.permissionDenied(exception.getMessage());
    }
}
