package dev.wharf.application.port.in.warehouse;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/** A request about the warehouse of one project, by one actor. */
public record WarehouseQuery(Actor actor, ProjectId projectId) {
    public WarehouseQuery {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
    }
}
