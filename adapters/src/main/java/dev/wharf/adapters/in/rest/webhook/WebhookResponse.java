package dev.wharf.adapters.in.rest.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.adapters.in.rest.Timestamps;
import dev.wharf.domain.webhook.WebhookEventType;
import dev.wharf.domain.webhook.WebhookSubscription;
import java.util.List;

/**
 * A subscription as the API shows it. {@code secret} is present only in the answers that create or rotate it (the one
 * time it is shown); every other answer leaves it out.
 */
public record WebhookResponse(
        @JsonProperty("id") String id,
        @JsonProperty("url") String url,
        @JsonProperty("events") List<String> events,
        @JsonProperty("description") String description,
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("disabled_reason") String disabledReason,
        @JsonProperty("created_at") String createdAt,

        @JsonProperty("secret") @JsonInclude(JsonInclude.Include.NON_NULL)
        String secret) {

    public static WebhookResponse of(WebhookSubscription s) {
        return of(s, null);
    }

    public static WebhookResponse withSecret(WebhookSubscription s) {
        return of(s, s.secret().reveal());
    }

    private static WebhookResponse of(WebhookSubscription s, String secret) {
        return new WebhookResponse(
                s.id().toString(),
                s.url(),
                s.events().stream().map(WebhookEventType::wireName).sorted().toList(),
                s.description(),
                s.enabled(),
                s.disabledReason(),
                Timestamps.format(s.createdAt()),
                secret);
    }

    @Override
    public String toString() {
        return "WebhookResponse[" + id + "]";
    }
}
