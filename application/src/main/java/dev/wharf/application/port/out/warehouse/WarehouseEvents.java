package dev.wharf.application.port.out.warehouse;

import dev.wharf.domain.warehouse.Warehouse;

/**
 * What the provisioning worker tells the operator of, as it happens: a warehouse that became failed (provisioning
 * failed or timed out, or deletion gave up), with the reason in its status message. Told once per change.
 */
public interface WarehouseEvents {
    void failed(Warehouse warehouse);

    /** Tells no one: for tests that look at the warehouses themselves. */
    WarehouseEvents NONE = warehouse -> {};
}
