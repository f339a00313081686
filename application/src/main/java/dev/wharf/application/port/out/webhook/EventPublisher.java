package dev.wharf.application.port.out.webhook;

import dev.wharf.domain.webhook.WebhookEvent;

/**
 * Tells a project's webhook subscribers of an event. Call it inside the transaction of the change that caused the
 * event, so both commit or neither does (an outbox): delivery happens later, at least once.
 */
public interface EventPublisher {
    void publish(WebhookEvent event);

    /** As {@link #publish}, once per {@code onceKey} and project (for example, once per billing period). */
    void publishOnce(WebhookEvent event, String onceKey);

    /** Tells no one: for tests and tools without webhooks. */
    EventPublisher NONE = new EventPublisher() {
        @Override
        public void publish(WebhookEvent event) {}

        @Override
        public void publishOnce(WebhookEvent event, String onceKey) {}
    };
}
