package dev.wharf.application.service.webhook;

import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.application.port.out.webhook.EventPublisher;
import dev.wharf.application.port.out.webhook.WebhookOutbox;
import dev.wharf.application.port.out.webhook.WebhookSubscriptions;
import dev.wharf.domain.webhook.WebhookEvent;
import dev.wharf.domain.webhook.WebhookSubscription;
import java.time.Clock;
import java.util.List;

/**
 * Publishes an event into the outbox with a delivery to each subscription of its project that wants it, in the
 * caller's transaction; an event nobody subscribed to is not kept. The delivery worker is woken once that
 * transaction commits, so its next pass finds the deliveries.
 */
public final class OutboxPublisher implements EventPublisher {
    private final TransactionRunner transactions;
    private final WebhookSubscriptions subscriptions;
    private final WebhookOutbox outbox;
    private final Runnable wake;
    private final Clock clock;

    public OutboxPublisher(
            TransactionRunner transactions,
            WebhookSubscriptions subscriptions,
            WebhookOutbox outbox,
            Runnable wake,
            Clock clock) {
        this.transactions = transactions;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.wake = wake;
        this.clock = clock;
    }

    @Override
    public void publish(WebhookEvent event) {
        List<WebhookSubscription> wanting = subscriptions.wanting(event.projectId(), event.type());
        if (!wanting.isEmpty()) {
            outbox.record(event, wanting, clock.instant());
            transactions.afterCommit(wake);
        }
    }

    @Override
    public void publishOnce(WebhookEvent event, String onceKey) {
        List<WebhookSubscription> wanting = subscriptions.wanting(event.projectId(), event.type());
        if (!wanting.isEmpty() && outbox.recordOnce(event, onceKey, wanting, clock.instant())) {
            transactions.afterCommit(wake);
        }
    }
}
