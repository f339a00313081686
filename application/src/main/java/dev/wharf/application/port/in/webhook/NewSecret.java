package dev.wharf.application.port.in.webhook;

import dev.wharf.domain.webhook.WebhookSubscription;

/** A subscription whose signing secret ({@code subscription.secret()}) is shown in this answer, and never again. */
public record NewSecret(WebhookSubscription subscription) {}
