package dev.wharf.application.port.in.job;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/**
 * Progress of a running job: the absolute row count so far, a terminal status, the latest error; each null when not
 * reported. Even an empty report is a heartbeat.
 */
public record ReportJobCommand(
        Actor actor, ProjectId projectId, String jobId, Long rows, String status, String latestError) {
    public ReportJobCommand {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
    }
}
