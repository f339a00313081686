package dev.wharf.application.service.provisioning;

import dev.wharf.application.port.out.provisioning.ProvisioningQueue;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.application.port.out.warehouse.PasswordResetLeases;
import dev.wharf.application.port.out.webhook.WebhookDeliveries;
import java.time.Clock;
import java.time.Instant;

/**
 * Frees, at the start of a Wharf whose metadata no other process can have open (dev mode's H2 file), what the process
 * before it held when it died: its provisioning claims, so their warehouses are worked on at once rather than when the
 * leases run out, and its password resets' leases, which stay behind as the mark of a reset that did not finish (see
 * {@link dev.wharf.application.port.out.warehouse.WarehouseRepository.WarehouseWithPassword#unfinishedResetSince}),
 * and its webhook deliveries' claims, so they are sent again at once.
 */
public final class AbandonedLeases {
    private final TransactionRunner transactions;
    private final ProvisioningQueue queue;
    private final PasswordResetLeases resets;
    private final WebhookDeliveries deliveries;
    private final Clock clock;

    public AbandonedLeases(
            TransactionRunner transactions,
            ProvisioningQueue queue,
            PasswordResetLeases resets,
            WebhookDeliveries deliveries,
            Clock clock) {
        this.transactions = transactions;
        this.queue = queue;
        this.resets = resets;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Ends every claim and lease; says how many of each there were. */
    public Freed free() {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            return new Freed(queue.endAllClaims(now), resets.endAll(now), deliveries.endAllClaims(now));
        });
    }

    /** How many provisioning claims, password-reset leases and webhook delivery claims were freed. */
    public record Freed(int claims, int resets, int deliveries) {
        public boolean any() {
            return claims > 0 || resets > 0 || deliveries > 0;
        }
    }
}
