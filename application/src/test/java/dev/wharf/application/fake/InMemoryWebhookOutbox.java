package dev.wharf.application.fake;

import dev.wharf.application.fake.InMemoryStore.StoredDelivery;
import dev.wharf.application.fake.InMemoryStore.StoredEvent;
import dev.wharf.application.port.out.webhook.WebhookOutbox;
import dev.wharf.domain.webhook.WebhookDelivery;
import dev.wharf.domain.webhook.WebhookEvent;
import dev.wharf.domain.webhook.WebhookPayload;
import dev.wharf.domain.webhook.WebhookSubscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link WebhookOutbox} in an {@link InMemoryStore}. */
public final class InMemoryWebhookOutbox implements WebhookOutbox {
    private final InMemoryStore store;

    public InMemoryWebhookOutbox(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public List<WebhookDelivery> record(WebhookEvent event, List<WebhookSubscription> subscriptions, Instant now) {
        return store.write(t -> insert(t, event, null, subscriptions, now));
    }

    @Override
    public boolean recordOnce(
            WebhookEvent event, String onceKey, List<WebhookSubscription> subscriptions, Instant now) {
        return store.write(t -> {
            boolean seen = t.webhookEvents.values().stream()
                    .anyMatch(e -> e.projectId().equals(event.projectId()) && onceKey.equals(e.onceKey()));
            if (seen) {
                return false;
            }
            insert(t, event, onceKey, subscriptions, now);
            return true;
        });
    }

    private static List<WebhookDelivery> insert(
            InMemoryStore.Tables t,
            WebhookEvent event,
            String onceKey,
            List<WebhookSubscription> subscriptions,
            Instant now) {
        t.requireProject(event.projectId());
        t.webhookEvents.put(
                event.id(),
                new StoredEvent(event.projectId(), onceKey, WebhookPayload.json(event), event.occurredAt()));
        List<WebhookDelivery> deliveries = new ArrayList<>();
        for (WebhookSubscription subscription : subscriptions) {
            WebhookDelivery delivery = WebhookDelivery.pending(event.id(), subscription.id(), event.type(), now);
            t.webhookDeliveries.put(delivery.id(), new StoredDelivery(delivery, null, null));
            deliveries.add(delivery);
        }
        return deliveries;
    }
}
