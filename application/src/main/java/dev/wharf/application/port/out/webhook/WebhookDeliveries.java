package dev.wharf.application.port.out.webhook;

import dev.wharf.domain.webhook.WebhookDelivery;
import dev.wharf.domain.webhook.WebhookId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The deliveries waiting to be sent, and the record of those sent. A worker claims one under a lease, sends it with no
 * transaction open, and saves the outcome only while its lease holds, so instances sharing the database attempt each
 * delivery once per attempt, and a dead worker's claims run out.
 */
public interface WebhookDeliveries {
    /**
     * Pending deliveries whose next attempt is due at {@code now} and that no live lease holds, oldest due first, with
     * the subscription each is for (so a worker can spread its attempts over subscriptions).
     */
    List<Due> due(Instant now, int limit);

    /** Takes the delivery for {@code owner} until {@code leaseUntil} if it is still pending, due and free. */
    Optional<Claim> claim(UUID delivery, String owner, Instant now, Instant leaseUntil);

    /** Stores the attempt's outcome and gives the lease up; false (nothing stored) when the lease was lost. */
    boolean finish(WebhookDelivery attempted, String owner);

    /** The subscription's deliveries, newest first ({@code created_at}, then id). */
    List<WebhookDelivery> ofSubscription(WebhookId subscription, int limit, int offset);

    /**
     * Ends every claim, as if its lease had run out: for a start that knows no other process can hold one (dev mode's
     * metadata file). Returns how many there were.
     */
    int endAllClaims(Instant now);

    /** When the oldest delivery still pending was recorded; empty when none is. */
    Optional<Instant> oldestPending();

    /** A delivery that is due, and its subscription. */
    record Due(UUID delivery, WebhookId subscription) {}

    /** A claimed delivery with what an attempt sends: the payload, and when its event happened. */
    record Claim(WebhookDelivery delivery, String body, Instant occurredAt) {}
}
