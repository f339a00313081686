package dev.wharf.application.port.in.usage;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/** A request for a project's row statistics in the current billing period. */
public record TotalRowsStatsQuery(Actor actor, ProjectId projectId) {
    public TotalRowsStatsQuery {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
    }
}
