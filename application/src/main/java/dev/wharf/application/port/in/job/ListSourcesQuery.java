package dev.wharf.application.port.in.job;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/** One page of a project's sources; {@code limit} and {@code offset} as the client sent them (null when absent). */
public record ListSourcesQuery(Actor actor, ProjectId projectId, String limit, String offset) {
    public ListSourcesQuery {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
    }
}
