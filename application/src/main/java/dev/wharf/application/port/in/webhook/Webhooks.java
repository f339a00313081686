package dev.wharf.application.port.in.webhook;

import dev.wharf.application.paging.Page;
import dev.wharf.domain.webhook.WebhookDelivery;
import dev.wharf.domain.webhook.WebhookSubscription;

/** A project's webhook subscriptions, managed by its organization's admins. */
public interface Webhooks {
    /** Subscribes; the answer carries the signing secret, the only time it is shown. */
    NewSecret create(CreateWebhookCommand command);

    Page<WebhookSubscription> list(WebhookListQuery query);

    void delete(WebhookCommand command);

    /** Sends a {@code webhook.test} event to the subscription alone. */
    WebhookDelivery test(WebhookCommand command);

    Page<WebhookDelivery> deliveries(WebhookListQuery query);

    /** A new signing secret, shown once; the previous one keeps signing for 24 hours. */
    NewSecret rotateSecret(WebhookCommand command);

    /** Enables a disabled subscription again; its failures are forgotten. */
    WebhookSubscription enable(WebhookCommand command);
}
