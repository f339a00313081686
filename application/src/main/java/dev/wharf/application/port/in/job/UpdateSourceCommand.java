package dev.wharf.application.port.in.job;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/** A change of a source: its freshness window, as sent ({@code "6h"}; null to remove it; absent to leave it). */
public record UpdateSourceCommand(Actor actor, ProjectId projectId, String sourceId, FieldUpdate<String> freshness) {
    public UpdateSourceCommand {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
        Require.nonNull(freshness, "freshness");
    }
}
