package dev.wharf.application.service.provisioning;

import dev.wharf.application.port.out.provisioning.ProvisioningQueue;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.application.port.out.warehouse.PasswordResetLeases;
import java.time.Clock;
import java.time.Instant;

/**
 * Frees, at the start of a Wharf whose metadata no other process can have open (dev mode's H2 file), what the process
 * before it held when it died: its provisioning claims, so their warehouses are worked on at once rather than when the
 * leases run out, and its password resets' leases, which stay behind as the mark of a reset that did not finish (see
 * {@link dev.wharf.application.port.out.warehouse.WarehouseRepository.WarehouseWithPassword#unfinishedResetSince}).
 */
public final class AbandonedLeases {
    private final TransactionRunner transactions;
    private final ProvisioningQueue queue;
    private final PasswordResetLeases resets;
    private final Clock clock;

    public AbandonedLeases(
            TransactionRunner transactions, ProvisioningQueue queue, PasswordResetLeases resets, Clock clock) {
        this.transactions = transactions;
        this.queue = queue;
        this.resets = resets;
        this.clock = clock;
    }

    /** Ends every claim and lease; says how many of each there were. */
    public Freed free() {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            return new Freed(queue.endAllClaims(now), resets.endAll(now));
        });
    }

    /** How many provisioning claims and password-reset leases were freed. */
    public record Freed(int claims, int resets) {
        public boolean any() {
            return claims > 0 || resets > 0;
        }
    }
}
