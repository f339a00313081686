package dev.wharf.adapters.out.jdbi.webhook;

import dev.wharf.adapters.out.jdbi.Constraints;
import dev.wharf.application.port.out.webhook.WebhookOutbox;
import dev.wharf.domain.webhook.WebhookDelivery;
import dev.wharf.domain.webhook.WebhookEvent;
import dev.wharf.domain.webhook.WebhookPayload;
import dev.wharf.domain.webhook.WebhookSubscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@link WebhookOutbox} on Jdbi: the event row and its delivery rows, in the caller's transaction. An event told once
 * per key checks for its key first; two recorded at the same moment meet the unique index, and the loser's insert is
 * undone to a savepoint so the change that caused it still commits.
 */
public final class JdbiWebhookOutbox implements WebhookOutbox {
    private static final String ONCE_INDEX = "webhook_event_once_idx";

    private final Jdbi jdbi;

    public JdbiWebhookOutbox(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<WebhookDelivery> record(WebhookEvent event, List<WebhookSubscription> subscriptions, Instant now) {
        return jdbi.inTransaction(h -> {
            insertEvent(h, event, null);
            return insertDeliveries(h, event, subscriptions, now);
        });
    }

    @Override
    public boolean recordOnce(
            WebhookEvent event, String onceKey, List<WebhookSubscription> subscriptions, Instant now) {
        return jdbi.inTransaction(h -> {
            boolean seen = h.createQuery("SELECT COUNT(*) FROM webhook_event WHERE project_id = :project"
                                    + " AND once_key = :key")
                            .bind("project", event.projectId().value())
                            .bind("key", onceKey)
                            .mapTo(Long.class)
                            .one()
                    > 0;
            if (seen) {
                return false;
            }
            String savepoint = "webhook_once";
            h.savepoint(savepoint);
            try {
                insertEvent(h, event, onceKey);
            } catch (UnableToExecuteStatementException e) {
                if (!Constraints.isUniqueViolationOf(e, ONCE_INDEX)) throw e;
                h.rollbackToSavepoint(savepoint);
                return false;
            }
            h.releaseSavepoint(savepoint);
            insertDeliveries(h, event, subscriptions, now);
            return true;
        });
    }

    private static void insertEvent(Handle h, WebhookEvent event, String onceKey) {
        h.createUpdate("INSERT INTO webhook_event (id, project_id, type, payload, occurred_at, once_key)"
                        + " VALUES (:id, :project, :type, :payload, :occurredAt, :onceKey)")
                .bind("id", event.id())
                .bind("project", event.projectId().value())
                .bind("type", event.type().wireName())
                .bind("payload", WebhookPayload.json(event))
                .bind("occurredAt", event.occurredAt())
                .bind("onceKey", onceKey)
                .execute();
    }

    private static List<WebhookDelivery> insertDeliveries(
            Handle h, WebhookEvent event, List<WebhookSubscription> subscriptions, Instant now) {
        List<WebhookDelivery> deliveries = new ArrayList<>();
        for (WebhookSubscription subscription : subscriptions) {
            WebhookDelivery d = WebhookDelivery.pending(event.id(), subscription.id(), event.type(), now);
            h.createUpdate("INSERT INTO webhook_delivery (id, event_id, subscription_id, type, status, attempts,"
                            + " created_at, next_attempt_at, last_status_code) VALUES (:id, :event, :subscription,"
                            + " :type, 'pending', 0, :now, :now, 0)")
                    .bind("id", d.id())
                    .bind("event", d.eventId())
                    .bind("subscription", d.subscriptionId().value())
                    .bind("type", d.type().wireName())
                    .bind("now", now)
                    .execute();
            deliveries.add(d);
        }
        return deliveries;
    }
}
