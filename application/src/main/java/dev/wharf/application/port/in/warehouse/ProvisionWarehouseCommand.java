package dev.wharf.application.port.in.warehouse;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/** Provision a warehouse named {@code databaseName} (validated by the use case) for a project. */
public record ProvisionWarehouseCommand(Actor actor, ProjectId projectId, String databaseName) {
    public ProvisionWarehouseCommand {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
    }
}
