package dev.wharf.application.port.in.job;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/**
 * A pipeline worker's report that a job started, with its fields as the client sent them (null when absent); the use
 * case validates each and names the field it refuses.
 */
public record StartJobCommand(
        Actor actor,
        ProjectId projectId,
        String kind,
        String sourceId,
        String schemaName,
        String savedQueryName,
        String workflowRunId,
        Boolean billable,
        String createdAt) {
    public StartJobCommand {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
    }
}
