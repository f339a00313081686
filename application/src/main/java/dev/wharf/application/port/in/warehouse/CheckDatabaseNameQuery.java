package dev.wharf.application.port.in.warehouse;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/** Check {@code name} on behalf of {@code actor} in a project. */
public record CheckDatabaseNameQuery(Actor actor, ProjectId projectId, String name) {
    public CheckDatabaseNameQuery {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
    }
}
