package dev.wharf.application.port.out.webhook;

import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.webhook.WebhookEventType;
import dev.wharf.domain.webhook.WebhookId;
import dev.wharf.domain.webhook.WebhookSubscription;
import java.util.List;
import java.util.Optional;

/**
 * The projects' webhook subscriptions. Their secrets are kept so Wharf can sign with them, sealed at rest by the
 * adapter (never stored as given). A deleted subscription is gone for every read here.
 */
public interface WebhookSubscriptions {
    void insert(WebhookSubscription subscription);

    /** The subscription of {@code project} with that id, if it exists and is not deleted. */
    Optional<WebhookSubscription> find(ProjectId project, WebhookId id);

    /** Any project's subscription with that id, if not deleted: for the delivery worker. */
    Optional<WebhookSubscription> find(WebhookId id);

    /**
     * As {@link #find(WebhookId)}, locked until the surrounding transaction ends: a change is made to the subscription as
     * stored, so two changes (a rotation by an admin, a failure recorded by the worker) never undo each other.
     */
    Optional<WebhookSubscription> findForUpdate(WebhookId id);

    /** The project's subscriptions, newest first ({@code created_at}, then id). */
    List<WebhookSubscription> list(ProjectId project, int limit, int offset);

    /** Stores the subscription's new secrets, enabled state and failing time; false when it is gone. */
    boolean update(WebhookSubscription subscription);

    /** Deletes it; false when there was none (or it was deleted already). */
    boolean delete(ProjectId project, WebhookId id);

    /** The enabled subscriptions of {@code project} that want events of {@code type}. */
    List<WebhookSubscription> wanting(ProjectId project, WebhookEventType type);
}
