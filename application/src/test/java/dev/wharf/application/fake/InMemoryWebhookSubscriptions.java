package dev.wharf.application.fake;

import dev.wharf.application.port.out.webhook.WebhookSubscriptions;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.webhook.WebhookEventType;
import dev.wharf.domain.webhook.WebhookId;
import dev.wharf.domain.webhook.WebhookSubscription;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link WebhookSubscriptions} in an {@link InMemoryStore}; a deleted subscription stays as a row no read returns. */
public final class InMemoryWebhookSubscriptions implements WebhookSubscriptions {
    static final Comparator<WebhookSubscription> NEWEST_FIRST = Comparator.comparing(WebhookSubscription::createdAt)
            .thenComparing(s -> s.id().value(), InMemoryStore.UUID_ORDER)
            .reversed();

    private final InMemoryStore store;

    public InMemoryWebhookSubscriptions(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(WebhookSubscription subscription) {
        store.change(t -> {
            t.requireProject(subscription.projectId());
            if (t.webhookSubscriptions.containsKey(subscription.id())) {
                throw new ConflictException("webhook subscription " + subscription.id() + " exists");
            }
            t.webhookSubscriptions.put(subscription.id(), subscription);
        });
    }

    @Override
    public Optional<WebhookSubscription> find(ProjectId project, WebhookId id) {
        return find(id).filter(s -> s.projectId().equals(project));
    }

    @Override
    public Optional<WebhookSubscription> find(WebhookId id) {
        return store.read(t -> t.deletedWebhooks.contains(id)
                ? Optional.empty()
                : Optional.ofNullable(t.webhookSubscriptions.get(id)));
    }

    /** The store's transactions already hold its lock: as {@link #find(WebhookId)}. */
    @Override
    public Optional<WebhookSubscription> findForUpdate(WebhookId id) {
        return find(id);
    }

    @Override
    public List<WebhookSubscription> list(ProjectId project, int limit, int offset) {
        return store.read(t -> t.webhookSubscriptions.values().stream()
                .filter(s -> s.projectId().equals(project) && !t.deletedWebhooks.contains(s.id()))
                .sorted(NEWEST_FIRST)
                .skip(offset)
                .limit(limit)
                .toList());
    }

    @Override
    public boolean update(WebhookSubscription subscription) {
        return store.write(t -> {
            if (!t.webhookSubscriptions.containsKey(subscription.id())
                    || t.deletedWebhooks.contains(subscription.id())) {
                return false;
            }
            t.webhookSubscriptions.put(subscription.id(), subscription);
            return true;
        });
    }

    @Override
    public boolean delete(ProjectId project, WebhookId id) {
        return store.write(t -> {
            WebhookSubscription found = t.webhookSubscriptions.get(id);
            if (found == null || !found.projectId().equals(project)) {
                return false;
            }
            return t.deletedWebhooks.add(id);
        });
    }

    @Override
    public List<WebhookSubscription> wanting(ProjectId project, WebhookEventType type) {
        return store.read(t -> t.webhookSubscriptions.values().stream()
                .filter(s -> s.projectId().equals(project) && !t.deletedWebhooks.contains(s.id()) && s.wants(type))
                .sorted(NEWEST_FIRST.reversed())
                .toList());
    }
}
