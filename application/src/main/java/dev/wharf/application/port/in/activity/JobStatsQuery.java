package dev.wharf.application.port.in.activity;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/** A request for a project's job statistics over {@code days} as the client sent it (null when absent). */
public record JobStatsQuery(Actor actor, ProjectId projectId, String days) {
    public JobStatsQuery {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
    }
}
