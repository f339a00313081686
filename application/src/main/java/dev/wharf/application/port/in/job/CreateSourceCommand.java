package dev.wharf.application.port.in.job;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/** Register an external data source of type {@code sourceType} (validated by the use case) in a project. */
public record CreateSourceCommand(
        Actor actor, ProjectId projectId, String sourceType, String prefix, String freshness) {
    public CreateSourceCommand {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
    }

    /** Without a freshness window. */
    public CreateSourceCommand(Actor actor, ProjectId projectId, String sourceType, String prefix) {
        this(actor, projectId, sourceType, prefix, null);
    }
}
