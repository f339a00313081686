package dev.wharf.application.fake;

import dev.wharf.application.fake.InMemoryStore.StoredDelivery;
import dev.wharf.application.port.out.webhook.WebhookDeliveries;
import dev.wharf.domain.webhook.DeliveryStatus;
import dev.wharf.domain.webhook.WebhookDelivery;
import dev.wharf.domain.webhook.WebhookId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link WebhookDeliveries} in an {@link InMemoryStore}, leases and all. */
public final class InMemoryWebhookDeliveries implements WebhookDeliveries {
    private static final Comparator<WebhookDelivery> NEWEST_FIRST = Comparator.comparing(WebhookDelivery::createdAt)
            .thenComparing(WebhookDelivery::id, InMemoryStore.UUID_ORDER)
            .reversed();

    private final InMemoryStore store;

    public InMemoryWebhookDeliveries(InMemoryStore store) {
        this.store = store;
    }

    private static boolean claimable(StoredDelivery row, Instant now) {
        WebhookDelivery d = row.delivery();
        return d.status() == DeliveryStatus.PENDING
                && !d.nextAttemptAt().isAfter(now)
                && (row.leaseUntil() == null || !row.leaseUntil().isAfter(now));
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        return store.read(t -> t.webhookDeliveries.values().stream()
                .filter(row -> claimable(row, now))
                .map(StoredDelivery::delivery)
                .sorted(Comparator.comparing(WebhookDelivery::nextAttemptAt)
                        .thenComparing(WebhookDelivery::id, InMemoryStore.UUID_ORDER))
                .limit(limit)
                .map(d -> new Due(d.id(), d.subscriptionId()))
                .toList());
    }

    @Override
    public Optional<Claim> claim(UUID delivery, String owner, Instant now, Instant leaseUntil) {
        return store.write(t -> {
            StoredDelivery row = t.webhookDeliveries.get(delivery);
            if (row == null || !claimable(row, now)) {
                return Optional.empty();
            }
            t.webhookDeliveries.put(delivery, new StoredDelivery(row.delivery(), owner, leaseUntil));
            InMemoryStore.StoredEvent event = t.webhookEvents.get(row.delivery().eventId());
            return Optional.of(new Claim(row.delivery(), event.body(), event.occurredAt()));
        });
    }

    @Override
    public boolean finish(WebhookDelivery attempted, String owner) {
        return store.write(t -> {
            StoredDelivery row = t.webhookDeliveries.get(attempted.id());
            if (row == null || !owner.equals(row.leaseOwner())) {
                return false;
            }
            t.webhookDeliveries.put(attempted.id(), new StoredDelivery(attempted, null, null));
            return true;
        });
    }

    @Override
    public List<WebhookDelivery> ofSubscription(WebhookId subscription, int limit, int offset) {
        return store.read(t -> t.webhookDeliveries.values().stream()
                .map(StoredDelivery::delivery)
                .filter(d -> d.subscriptionId().equals(subscription))
                .sorted(NEWEST_FIRST)
                .skip(offset)
                .limit(limit)
                .toList());
    }

    @Override
    public int endAllClaims(Instant now) {
        return store.write(t -> {
            int ended = 0;
            for (var entry : t.webhookDeliveries.entrySet()) {
                if (entry.getValue().leaseOwner() != null) {
                    entry.setValue(new StoredDelivery(entry.getValue().delivery(), null, null));
                    ended++;
                }
            }
            return ended;
        });
    }

    @Override
    public Optional<Instant> oldestPending() {
        return store.read(t -> t.webhookDeliveries.values().stream()
                .map(StoredDelivery::delivery)
                .filter(d -> d.status() == DeliveryStatus.PENDING)
                .map(WebhookDelivery::createdAt)
                .min(Comparator.naturalOrder()));
    }
}
