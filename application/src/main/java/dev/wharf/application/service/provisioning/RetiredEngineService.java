package dev.wharf.application.service.provisioning;

import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.application.port.out.warehouse.WarehouseRepository;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Marks failed, with a message saying why, every warehouse that an engine Wharf no longer has was holding (pending,
 * provisioning or ready): dev mode's H2 engine gave way to its embedded PostgreSQL server, and a data directory from
 * before that change has warehouses no engine can reach. Deprovision still completes for them (nothing on the new
 * engine carries their tag); deleting ones are left to finish.
 */
public final class RetiredEngineService {
    public static final String H2_RETIRED = "This warehouse was made by the embedded H2 engine, which Wharf no longer"
            + " has: its data is kept in warehouses.h2-retired under the data directory. Deprovision it and provision"
            + " it again to get a PostgreSQL warehouse.";

    private static final Set<WarehouseState> HELD =
            EnumSet.of(WarehouseState.PENDING, WarehouseState.PROVISIONING, WarehouseState.READY);
    private static final int BATCH = 100;

    private final TransactionRunner transactions;
    private final WarehouseRepository warehouses;
    private final Clock clock;

    public RetiredEngineService(TransactionRunner transactions, WarehouseRepository warehouses, Clock clock) {
        this.transactions = transactions;
        this.warehouses = warehouses;
        this.clock = clock;
    }

    /** Marks every held warehouse failed with {@code reason}; returns how many. */
    public int retireAll(String reason) {
        int retired = 0;
        while (true) {
            int batch = transactions.inTransaction(() -> {
                List<Warehouse> held = warehouses.findInStates(HELD, BATCH);
                int changed = 0;
                for (Warehouse warehouse : held) {
                    if (warehouses.update(warehouse.markLost(reason, clock.instant()), warehouse.state())) {
                        changed++;
                    }
                }
                return held.isEmpty() ? -1 : changed;
            });
            if (batch <= 0) {
                return retired; // none left, or none could be changed (another instance is moving them)
            }
            retired += batch;
        }
    }
}
