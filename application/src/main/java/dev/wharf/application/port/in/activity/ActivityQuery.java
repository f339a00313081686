package dev.wharf.application.port.in.activity;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/**
 * A request for a page of a project's job activity, with the query parameters as the client sent them (null when
 * absent): the use case parses and checks them, so every entry point refuses the same values with the same words.
 * {@code outcome} is read only by the completed list.
 */
public record ActivityQuery(
        Actor actor, ProjectId projectId, String limit, String offset, String cutoffDays, String kind, String outcome) {
    public ActivityQuery {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
    }
}
