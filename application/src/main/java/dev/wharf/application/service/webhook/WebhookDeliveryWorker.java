package dev.wharf.application.service.webhook;

import dev.wharf.application.port.in.webhook.WebhookDispatch;
import dev.wharf.application.port.out.metrics.Metrics;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.application.port.out.webhook.WebhookDeliveries;
import dev.wharf.application.port.out.webhook.WebhookDeliveries.Claim;
import dev.wharf.application.port.out.webhook.WebhookDeliveries.Due;
import dev.wharf.application.port.out.webhook.WebhookSender;
import dev.wharf.application.port.out.webhook.WebhookSender.Result;
import dev.wharf.application.port.out.webhook.WebhookSubscriptions;
import dev.wharf.domain.webhook.DeliverySchedule;
import dev.wharf.domain.webhook.WebhookDelivery;
import dev.wharf.domain.webhook.WebhookEventType;
import dev.wharf.domain.webhook.WebhookId;
import dev.wharf.domain.webhook.WebhookSubscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;

/**
 * Sends the deliveries that are due: each is claimed under a lease (so instances sharing the database attempt it once
 * per attempt), sent with no transaction open, and its outcome saved only while the lease holds. A failed attempt is
 * tried again on {@link DeliverySchedule}'s backoff for at least 24 hours, then failed; a subscription none of whose
 * attempts succeeded for that long is disabled, saying why. A delivery to a deleted subscription is failed; one to a
 * disabled subscription too (but a test).
 *
 * <p>A pass sends up to {@link #PARALLEL} deliveries at once, at most {@link #PER_SUBSCRIPTION} of them to any one
 * subscription, and waits for them: a receiver that hangs holds one slot for the timeouts, never the others' deliveries.
 */
public final class WebhookDeliveryWorker implements WebhookDispatch {
    static final int BATCH = 64;
    static final int PARALLEL = 8;
    static final int PER_SUBSCRIPTION = 2;
    /** Longer than one attempt can take (a 5 s connect and a 10 s answer), with room to save it. */
    static final Duration LEASE = Duration.ofSeconds(60);

    private final WebhookDeliveries deliveries;
    private final WebhookSubscriptions subscriptions;
    private final WebhookSender sender;
    private final TransactionRunner transactions;
    private final Metrics metrics;
    private final Clock clock;
    private final String workerId;
    private final DoubleSupplier jitter;
    private final Executor senders;
    private final AtomicReference<Instant> nextScheduled = new AtomicReference<>();

    public WebhookDeliveryWorker(
            WebhookDeliveries deliveries,
            WebhookSubscriptions subscriptions,
            WebhookSender sender,
            TransactionRunner transactions,
            Metrics metrics,
            Clock clock,
            String workerId) {
        this(
                deliveries,
                subscriptions,
                sender,
                transactions,
                metrics,
                clock,
                workerId,
                () -> ThreadLocalRandom.current().nextDouble(),
                senders());
    }

    /** {@link #PARALLEL} daemon threads that send; they end with the process. */
    private static Executor senders() {
        return Executors.newFixedThreadPool(PARALLEL, task -> {
            Thread thread = new Thread(task, "wharf-webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    WebhookDeliveryWorker(
            WebhookDeliveries deliveries,
            WebhookSubscriptions subscriptions,
            WebhookSender sender,
            TransactionRunner transactions,
            Metrics metrics,
            Clock clock,
            String workerId,
            DoubleSupplier jitter,
            Executor senders) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
        this.workerId = workerId;
        this.jitter = jitter;
        this.senders = senders;
    }

    @Override
    public int runOnce(BooleanSupplier keepGoing) {
        Instant start = clock.instant();
        nextScheduled.updateAndGet(next -> next == null || next.isAfter(start) ? next : null);
        Map<WebhookId, Integer> perSubscription = new HashMap<>();
        List<CompletableFuture<Void>> sending = new ArrayList<>();
        for (Due due : deliveries.due(start, BATCH)) {
            if (!keepGoing.getAsBoolean() || sending.size() >= PARALLEL) {
                break;
            }
            if (perSubscription.merge(due.subscription(), 1, Integer::sum) > PER_SUBSCRIPTION) {
                continue;
            }
            Instant now = clock.instant();
            Optional<Claim> claim = deliveries.claim(due.delivery(), workerId, now, now.plus(LEASE));
            claim.ifPresent(c -> sending.add(CompletableFuture.runAsync(() -> attempt(c), senders)));
        }
        CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();
        return sending.size();
    }

    @Override
    public Optional<Instant> nextAttemptScheduled() {
        return Optional.ofNullable(nextScheduled.get());
    }

    private void attempt(Claim claim) {
        WebhookDelivery delivery = claim.delivery();
        Optional<WebhookSubscription> found = subscriptions.find(delivery.subscriptionId());
        if (found.isEmpty()) {
            deliveries.finish(
                    delivery.attemptFailed(0, "not sent: the webhook was deleted", clock.instant(), null), workerId);
            return;
        }
        WebhookSubscription subscription = found.get();
        if (!subscription.enabled() && delivery.type() != WebhookEventType.WEBHOOK_TEST) {
            deliveries.finish(
                    delivery.attemptFailed(0, "not sent: the webhook is disabled", clock.instant(), null), workerId);
            return;
        }
        Instant sentAt = clock.instant();
        Result result = sender.send(new WebhookSender.Request(
                subscription.url(), delivery.messageId(), sentAt, claim.body(), subscription.signingSecrets(sentAt)));
        metrics.webhookAttempted(result.outcome());
        Instant now = clock.instant();
        if (result.delivered()) {
            transactions.inTransaction(() -> {
                if (deliveries.finish(delivery.delivered(result.statusCode(), result.detail(), now), workerId)) {
                    changeStored(subscription, WebhookSubscription::attemptSucceeded);
                }
            });
            return;
        }
        Instant next =
                DeliverySchedule.nextAttempt(delivery.attempts() + 1, claim.occurredAt(), now, jitter.getAsDouble());
        transactions.inTransaction(() -> {
            if (!deliveries.finish(delivery.attemptFailed(result.statusCode(), result.detail(), now, next), workerId)) {
                return;
            }
            changeStored(subscription, stored -> {
                WebhookSubscription failing = stored.attemptFailed(now);
                if (next == null && !failing.failingSince().isAfter(now.minus(DeliverySchedule.WINDOW))) {
                    return failing.disable(
                            "Disabled: no delivery succeeded for " + DeliverySchedule.WINDOW.toHours()
                                    + " hours (last: " + result.detail() + "). Enable it again once the receiver"
                                    + " answers 2xx.",
                            now);
                }
                return failing;
            });
        });
        if (next != null) {
            nextScheduled.accumulateAndGet(next, (held, n) -> held == null || n.isBefore(held) ? n : held);
        }
    }

    /**
     * Applies {@code change} to the subscription as stored now, locked: the copy read before the send may be seconds
     * old, and storing a change made to it would undo what an admin did meanwhile (a rotated secret, an enable).
     */
    private void changeStored(WebhookSubscription read, UnaryOperator<WebhookSubscription> change) {
        subscriptions.findForUpdate(read.id()).ifPresent(stored -> {
            WebhookSubscription changed = change.apply(stored);
            if (!changed.equals(stored)) {
                subscriptions.update(changed);
            }
        });
    }
}
