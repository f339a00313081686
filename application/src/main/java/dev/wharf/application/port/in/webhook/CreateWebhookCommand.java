package dev.wharf.application.port.in.webhook;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;
import java.util.List;

/** A subscription as asked for: the URL, the events' names and a description, as the client sent them. */
public record CreateWebhookCommand(
        Actor actor, ProjectId projectId, String url, List<String> events, String description) {
    public CreateWebhookCommand {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
    }
}
