package dev.wharf.application.port.in.webhook;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/** An action on one subscription of a project, its id as the client sent it. */
public record WebhookCommand(Actor actor, ProjectId projectId, String webhookId) {
    public WebhookCommand {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
    }
}
