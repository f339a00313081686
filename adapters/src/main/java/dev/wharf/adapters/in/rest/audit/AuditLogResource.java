package dev.wharf.adapters.in.rest.audit;

import dev.wharf.adapters.in.rest.ProjectIds;
import dev.wharf.adapters.in.rest.auth.ActorPrincipal;
import dev.wharf.application.port.in.audit.AuditLogQuery;
import dev.wharf.application.port.in.audit.AuditTrail;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET audit_log} under {@code /api/projects/{id}/data_warehouse/} and its alias {@code
 * /api/environments/{id}/data_warehouse/}, with or without a trailing slash. Parameters reach the use case as sent.
 */
@Path("/api/{scope: projects|environments}/{project_id}/data_warehouse")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditLogResource {
    private final AuditTrail auditLog;

    public AuditLogResource(AuditTrail auditLog) {
        this.auditLog = auditLog;
    }

    @GET
    @Path("/audit_log{slash: /?}")
    public AuditLogPageResponse auditLog(
            @Auth ActorPrincipal caller,
            @PathParam("project_id") String project,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        return AuditLogPageResponse.of(
                auditLog.auditLog(new AuditLogQuery(caller.actor(), ProjectIds.parse(project), limit, offset)));
    }
}
