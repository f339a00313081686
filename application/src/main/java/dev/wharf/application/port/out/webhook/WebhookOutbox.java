package dev.wharf.application.port.out.webhook;

import dev.wharf.domain.webhook.WebhookDelivery;
import dev.wharf.domain.webhook.WebhookEvent;
import dev.wharf.domain.webhook.WebhookSubscription;
import java.time.Instant;
import java.util.List;

/**
 * Where events wait to be delivered. Recording runs in the caller's transaction: the event and its deliveries commit
 * with the change that caused them, or neither does. The payload is written once, as {@code WebhookPayload} gives it.
 */
public interface WebhookOutbox {
    /**
     * Records {@code event} with one pending delivery to each of {@code subscriptions} (those of its project that want
     * it), due at {@code now}. Returns the deliveries.
     */
    List<WebhookDelivery> record(WebhookEvent event, List<WebhookSubscription> subscriptions, Instant now);

    /**
     * Records {@code event} unless its project already has an event with {@code onceKey} (for example, the row limit
     * of one billing period), with its deliveries as {@link #record}. Returns false when it was recorded before.
     */
    boolean recordOnce(WebhookEvent event, String onceKey, List<WebhookSubscription> subscriptions, Instant now);
}
