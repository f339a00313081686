package dev.wharf.application.port.in.webhook;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/**
 * A page of a project's subscriptions ({@code webhookId} null), or of one subscription's deliveries; {@code limit} and
 * {@code offset} as the client sent them, read as the activity lists read them.
 */
public record WebhookListQuery(Actor actor, ProjectId projectId, String webhookId, String limit, String offset) {
    public WebhookListQuery {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
    }
}
