package dev.wharf.application.port.in.warehouse;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/** Check the schema name {@code name} on behalf of {@code actor}, for the organization of a project. */
public record CheckSchemaNameQuery(Actor actor, ProjectId projectId, String name) {
    public CheckSchemaNameQuery {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
    }
}
