package dev.wharf.application.service.webhook;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.paging.Page;
import dev.wharf.application.paging.Paging;
import dev.wharf.application.port.in.webhook.CreateWebhookCommand;
import dev.wharf.application.port.in.webhook.NewSecret;
import dev.wharf.application.port.in.webhook.WebhookCommand;
import dev.wharf.application.port.in.webhook.WebhookListQuery;
import dev.wharf.application.port.in.webhook.Webhooks;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.application.port.out.webhook.WebhookDeliveries;
import dev.wharf.application.port.out.webhook.WebhookOutbox;
import dev.wharf.application.port.out.webhook.WebhookSubscriptions;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.shared.RuleViolationException;
import dev.wharf.domain.webhook.SigningSecret;
import dev.wharf.domain.webhook.WebhookDelivery;
import dev.wharf.domain.webhook.WebhookEvent;
import dev.wharf.domain.webhook.WebhookEventType;
import dev.wharf.domain.webhook.WebhookId;
import dev.wharf.domain.webhook.WebhookSubscription;
import dev.wharf.domain.webhook.WebhookUrl;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The webhook endpoints: organization admins subscribe a project to its events, list and delete its subscriptions,
 * send a test, read a subscription's deliveries, rotate its secret and enable it again. Reads need the read scope,
 * changes the write scope, both an admin or owner.
 */
public final class WebhookService implements Webhooks {
    public static final String REFUSAL = "Only organization admins can manage webhooks";
    public static final String INVALID_INTS = "Invalid limit or offset parameter";
    public static final String NOT_FOUND = "webhook not found";
    public static final int MAX_PER_PROJECT = 20;

    private final ProjectAccess access;
    private final TransactionRunner transactions;
    private final WebhookSubscriptions subscriptions;
    private final WebhookOutbox outbox;
    private final WebhookDeliveries deliveries;
    private final boolean httpAllowed;
    private final Runnable wake;
    private final Clock clock;

    public WebhookService(
            ProjectAccess access,
            TransactionRunner transactions,
            WebhookSubscriptions subscriptions,
            WebhookOutbox outbox,
            WebhookDeliveries deliveries,
            boolean httpAllowed,
            Runnable wake,
            Clock clock) {
        this.access = access;
        this.transactions = transactions;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.httpAllowed = httpAllowed;
        this.wake = wake;
        this.clock = clock;
    }

    @Override
    public NewSecret create(CreateWebhookCommand c) {
        access.requireAdmin(c.actor(), c.projectId(), Scope.WAREHOUSE_VIEW_WRITE, REFUSAL);
        String url = WebhookUrl.check(c.url(), httpAllowed);
        Set<WebhookEventType> events = events(c.events());
        WebhookSubscription subscription =
                WebhookSubscription.create(c.projectId(), url, events, c.description(), clock.instant());
        transactions.inTransaction(() -> {
            if (subscriptions.list(c.projectId(), MAX_PER_PROJECT, 0).size() >= MAX_PER_PROJECT) {
                throw new ConflictException("a project has at most " + MAX_PER_PROJECT + " webhooks");
            }
            subscriptions.insert(subscription);
        });
        return new NewSecret(subscription);
    }

    @Override
    public Page<WebhookSubscription> list(WebhookListQuery q) {
        access.requireAdmin(q.actor(), q.projectId(), Scope.WAREHOUSE_VIEW_READ, REFUSAL);
        Paging paging = Paging.parse(q.limit(), q.offset(), INVALID_INTS);
        return paging.page(subscriptions.list(q.projectId(), paging.fetch(), paging.offset()));
    }

    @Override
    public void delete(WebhookCommand c) {
        access.requireAdmin(c.actor(), c.projectId(), Scope.WAREHOUSE_VIEW_WRITE, REFUSAL);
        if (!subscriptions.delete(c.projectId(), id(c.webhookId()))) {
            throw new NotFoundException(NOT_FOUND);
        }
    }

    @Override
    public WebhookDelivery test(WebhookCommand c) {
        access.requireAdmin(c.actor(), c.projectId(), Scope.WAREHOUSE_VIEW_WRITE, REFUSAL);
        WebhookDelivery delivery = transactions.inTransaction(() -> {
            WebhookSubscription subscription = found(c.projectId(), c.webhookId());
            Instant now = clock.instant();
            WebhookEvent event = WebhookEvent.of(
                    c.projectId(),
                    WebhookEventType.WEBHOOK_TEST,
                    now,
                    "webhook_id",
                    subscription.id().toString(),
                    "message",
                    "A test delivery from Wharf");
            return outbox.record(event, List.of(subscription), now).get(0);
        });
        wake.run();
        return delivery;
    }

    @Override
    public Page<WebhookDelivery> deliveries(WebhookListQuery q) {
        access.requireAdmin(q.actor(), q.projectId(), Scope.WAREHOUSE_VIEW_READ, REFUSAL);
        WebhookSubscription subscription = found(q.projectId(), q.webhookId());
        Paging paging = Paging.parse(q.limit(), q.offset(), INVALID_INTS);
        return paging.page(deliveries.ofSubscription(subscription.id(), paging.fetch(), paging.offset()));
    }

    @Override
    public NewSecret rotateSecret(WebhookCommand c) {
        access.requireAdmin(c.actor(), c.projectId(), Scope.WAREHOUSE_VIEW_WRITE, REFUSAL);
        return new NewSecret(change(c, s -> s.rotate(SigningSecret.generate(), clock.instant())));
    }

    @Override
    public WebhookSubscription enable(WebhookCommand c) {
        access.requireAdmin(c.actor(), c.projectId(), Scope.WAREHOUSE_VIEW_WRITE, REFUSAL);
        return change(c, WebhookSubscription::enable);
    }

    private WebhookSubscription change(WebhookCommand c, java.util.function.UnaryOperator<WebhookSubscription> change) {
        return transactions.inTransaction(() -> {
            WebhookSubscription stored = subscriptions
                    .findForUpdate(found(c.projectId(), c.webhookId()).id())
                    .orElseThrow(() -> new NotFoundException(NOT_FOUND));
            WebhookSubscription changed = change.apply(stored);
            if (!subscriptions.update(changed)) {
                throw new NotFoundException(NOT_FOUND);
            }
            return changed;
        });
    }

    private WebhookSubscription found(ProjectId project, String webhookId) {
        return subscriptions.find(project, id(webhookId)).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /** A subscription's id; anything that is not one names no subscription (404, as an unknown id). */
    private static WebhookId id(String text) {
        try {
            return new WebhookId(UUID.fromString(text == null ? "" : text));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(NOT_FOUND);
        }
    }

    private static Set<WebhookEventType> events(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new RuleViolationException("events must name at least one event");
        }
        Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);
        for (String name : names) {
            events.add(WebhookEventType.subscribable(name));
        }
        return events;
    }
}
