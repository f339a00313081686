package dev.wharf.application.port.in.job;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/**
 * Progress of a running job: the absolute row count so far and a terminal status, each null when not reported, and
 * the latest error, which a report may leave, set or clear. Even an empty report is a heartbeat.
 */
public record ReportJobCommand(
        Actor actor, ProjectId projectId, String jobId, Long rows, String status, FieldUpdate<String> latestError) {
    public ReportJobCommand {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
        Require.nonNull(latestError, "latestError");
    }
}
