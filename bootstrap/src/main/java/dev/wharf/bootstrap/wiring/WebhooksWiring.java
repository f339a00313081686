package dev.wharf.bootstrap.wiring;

import dev.wharf.adapters.in.rest.webhook.WebhookResource;
import dev.wharf.adapters.out.jdbi.webhook.JdbiWebhookDeliveries;
import dev.wharf.adapters.out.jdbi.webhook.JdbiWebhookOutbox;
import dev.wharf.adapters.out.jdbi.webhook.JdbiWebhookSubscriptions;
import dev.wharf.adapters.out.jdbi.webhook.SecretBox;
import dev.wharf.adapters.out.webhook.HttpWebhookSender;
import dev.wharf.adapters.out.webhook.SenderSettings;
import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.port.out.metrics.Metrics;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.application.port.out.webhook.EventPublisher;
import dev.wharf.application.service.webhook.OutboxPublisher;
import dev.wharf.application.service.webhook.WebhookDeliveryWorker;
import dev.wharf.application.service.webhook.WebhookService;
import dev.wharf.bootstrap.background.WorkerLoop;
import dev.wharf.bootstrap.config.WebhooksConfiguration;
import dev.wharf.domain.project.KeyHashingSecret;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Webhooks: the subscriptions' endpoints, the delivery worker on its own loop (woken when an event is published), and
 * the publisher the other services record their events through. Secrets are sealed under a key derived from the
 * key-hashing secret.
 */
final class WebhooksWiring {
    private WebhooksWiring() {}

    static EventPublisher serve(
            Environment environment,
            Jdbi jdbi,
            TransactionRunner transactions,
            ProjectAccess access,
            KeyHashingSecret hashing,
            WebhooksConfiguration config,
            Metrics metrics,
            Clock clock,
            String workerId,
            Set<Integer> ownPorts) {
        JdbiWebhookSubscriptions subscriptions = new JdbiWebhookSubscriptions(jdbi, SecretBox.derivedFrom(hashing));
        JdbiWebhookOutbox outbox = new JdbiWebhookOutbox(jdbi);
        JdbiWebhookDeliveries deliveries = new JdbiWebhookDeliveries(jdbi);
        WebhookDeliveryWorker worker = new WebhookDeliveryWorker(
                deliveries,
                subscriptions,
                new HttpWebhookSender(settings(config), ownPorts),
                transactions,
                metrics,
                clock,
                workerId);
        WorkerLoop loop = new WorkerLoop(worker, config.idleInterval(), clock);
        environment.lifecycle().manage(loop);
        environment
                .jersey()
                .register(new WebhookResource(new WebhookService(
                        access,
                        transactions,
                        subscriptions,
                        outbox,
                        deliveries,
                        !config.requireHttps(),
                        loop::wake,
                        clock)));
        return new OutboxPublisher(transactions, subscriptions, outbox, loop::wake, clock);
    }

    static SenderSettings settings(WebhooksConfiguration config) {
        SenderSettings settings =
                SenderSettings.production().withTimeouts(config.connectTimeout(), config.responseTimeout());
        if (!config.requireHttps()) settings = settings.withHttpAllowed();
        if (config.allowLoopback()) settings = settings.withLoopbackAllowed();
        if (config.allowPrivateNetworks()) settings = settings.withPrivateAllowed();
        return settings;
    }
}
