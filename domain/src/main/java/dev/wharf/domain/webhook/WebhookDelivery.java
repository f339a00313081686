package dev.wharf.domain.webhook;

import dev.wharf.domain.shared.Require;
import dev.wharf.domain.shared.Texts;
import java.time.Instant;
import java.util.UUID;

/**
 * One event on its way to one subscription. Its id is the {@code webhook-id} of every attempt, so a receiver can drop
 * a repeat; {@code lastStatusCode} (0 without an answer) and {@code lastDetail} say how the last attempt went.
 */
public record WebhookDelivery(
        UUID id,
        UUID eventId,
        WebhookId subscriptionId,
        WebhookEventType type,
        DeliveryStatus status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        int lastStatusCode,
        String lastDetail,
        Instant finishedAt) {
    public static final int MAX_DETAIL = 300;

    public WebhookDelivery {
        Require.nonNull(id, "id");
        Require.nonNull(eventId, "eventId");
        Require.nonNull(subscriptionId, "subscriptionId");
        Require.nonNull(type, "type");
        Require.nonNull(status, "status");
        Require.nonNull(createdAt, "createdAt");
        lastDetail = Texts.truncate(lastDetail, MAX_DETAIL);
    }

    /** A delivery to attempt at once. */
    public static WebhookDelivery pending(UUID eventId, WebhookId subscription, WebhookEventType type, Instant now) {
        return new WebhookDelivery(
                UUID.randomUUID(),
                eventId,
                subscription,
                type,
                DeliveryStatus.PENDING,
                0,
                now,
                now,
                null,
                0,
                null,
                null);
    }

    /** The webhook-id header: the same for every attempt. */
    public String messageId() {
        return "msg_" + id.toString().replace("-", "");
    }

    public WebhookDelivery delivered(int statusCode, String detail, Instant now) {
        return new WebhookDelivery(
                id,
                eventId,
                subscriptionId,
                type,
                DeliveryStatus.DELIVERED,
                attempts + 1,
                createdAt,
                null,
                now,
                statusCode,
                detail,
                now);
    }

    /** Failed again: tried again at {@code next}, or failed for good when it is null. */
    public WebhookDelivery attemptFailed(int statusCode, String detail, Instant now, Instant next) {
        DeliveryStatus after = next == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
        return new WebhookDelivery(
                id,
                eventId,
                subscriptionId,
                type,
                after,
                attempts + 1,
                createdAt,
                next,
                now,
                statusCode,
                detail,
                next == null ? now : null);
    }
}
