package dev.wharf.adapters.in.rest.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.adapters.in.rest.Timestamps;
import dev.wharf.domain.webhook.WebhookDelivery;

/** One delivery: how it stands, how many attempts, the last answer and the next attempt. */
public record DeliveryResponse(
        @JsonProperty("id") String id,
        @JsonProperty("event_id") String eventId,
        @JsonProperty("event") String event,
        @JsonProperty("status") String status,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("last_response_code") Integer lastResponseCode,
        @JsonProperty("last_error") String lastError,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("last_attempt_at") String lastAttemptAt,
        @JsonProperty("next_attempt_at") String nextAttemptAt,
        @JsonProperty("finished_at") String finishedAt) {

    public static DeliveryResponse of(WebhookDelivery d) {
        boolean answered = d.lastStatusCode() > 0;
        boolean succeeded = answered && d.lastStatusCode() / 100 == 2;
        return new DeliveryResponse(
                d.messageId(),
                d.eventId().toString(),
                d.type().wireName(),
                d.status().wireName(),
                d.attempts(),
                answered ? d.lastStatusCode() : null,
                succeeded ? null : d.lastDetail(),
                Timestamps.format(d.createdAt()),
                d.lastAttemptAt() == null ? null : Timestamps.format(d.lastAttemptAt()),
                d.nextAttemptAt() == null ? null : Timestamps.format(d.nextAttemptAt()),
                d.finishedAt() == null ? null : Timestamps.format(d.finishedAt()));
    }
}
