package dev.wharf.application.port.in.audit;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/**
 * A request for a page of a project's audit log, with {@code limit} and {@code offset} as the client sent them (null
 * when absent): the use case parses and checks them as the activity lists do.
 */
public record AuditLogQuery(Actor actor, ProjectId projectId, String limit, String offset) {
    public AuditLogQuery {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
    }
}
