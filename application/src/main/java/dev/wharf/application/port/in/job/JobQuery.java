package dev.wharf.application.port.in.job;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/** One job of a project, by its id as the client sent it. */
public record JobQuery(Actor actor, ProjectId projectId, String jobId) {
    public JobQuery {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
    }
}
