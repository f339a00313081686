package dev.wharf.application.port.in.job;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/** Delete the source {@code sourceId} (as the client sent it) of a project. */
public record DeleteSourceCommand(Actor actor, ProjectId projectId, String sourceId) {
    public DeleteSourceCommand {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
    }
}
