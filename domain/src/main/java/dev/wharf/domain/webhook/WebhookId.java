package dev.wharf.domain.webhook;

import dev.wharf.domain.shared.Require;
import java.util.UUID;

/** Identifies a webhook subscription. */
public record WebhookId(UUID value) {
    public WebhookId {
        Require.nonNull(value, "webhook id");
    }

    public static WebhookId random() {
        return new WebhookId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
