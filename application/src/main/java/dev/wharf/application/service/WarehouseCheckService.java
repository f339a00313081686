package dev.wharf.application.service;

import dev.wharf.application.port.out.TransactionRunner;
import dev.wharf.application.port.out.WarehouseEngine;
import dev.wharf.application.port.out.WarehouseRepository;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import dev.wharf.domain.warehouse.WarehouseTag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks the engine about every ready warehouse ({@link WarehouseEngine#problemWith}) and marks failed, in the engine's
 * words, each one whose database or login is gone or is no longer its own: so no warehouse is shown ready whose
 * database does not exist (a server whose data was wiped, a database dropped by hand, metadata restored from an older
 * backup). Deprovision then completes as for any failed warehouse. A warehouse that changed meanwhile (deprovisioned,
 * or provisioned anew) is left alone; an engine that cannot answer ends the pass and marks nothing more.
 */
public final class WarehouseCheckService {
    public static final String ADVICE = ". Deprovision it to remove what is left and free its name.";
    static final int BATCH = 100;

    private final TransactionRunner transactions;
    private final WarehouseRepository warehouses;
    private final WarehouseEngine engine;
    private final Clock clock;

    public WarehouseCheckService(
            TransactionRunner transactions, WarehouseRepository warehouses, WarehouseEngine engine, Clock clock) {
        this.transactions = transactions;
        this.warehouses = warehouses;
        this.engine = engine;
        this.clock = clock;
    }

    /** Checks every ready warehouse once; the ones it marked failed, as they are now. */
    public Checked checkReady() {
        List<Warehouse> failed = new ArrayList<>();
        int checked = 0;
        ProjectId after = null;
        while (true) {
            List<Warehouse> batch = warehouses.findInStateAfter(WarehouseState.READY, after, BATCH);
            for (Warehouse ready : batch) {
                checked++;
                Optional<String> problem = engine.problemWith(ready.databaseName(), WarehouseTag.of(ready));
                if (problem.isPresent()) {
                    markFailed(ready, problem.get()).ifPresent(failed::add);
                }
                after = ready.projectId();
            }
            if (batch.size() < BATCH) {
                return new Checked(checked, List.copyOf(failed));
            }
        }
    }

    private Optional<Warehouse> markFailed(Warehouse seen, String problem) {
        return transactions.inTransaction(() -> {
            Optional<Warehouse> now = warehouses.findByProjectForUpdate(seen.projectId());
            if (now.isEmpty() || !now.get().equals(seen)) {
                return Optional.empty();
            }
            Warehouse lost = seen.markLost(problem + ADVICE, clock.instant());
            return warehouses.update(lost, WarehouseState.READY) ? Optional.of(lost) : Optional.empty();
        });
    }

    /** How many ready warehouses were checked, and the ones now failed. */
    public record Checked(int checked, List<Warehouse> failed) {}
}
