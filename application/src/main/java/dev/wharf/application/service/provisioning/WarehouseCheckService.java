package dev.wharf.application.service.provisioning;

import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.application.port.out.warehouse.WarehouseEngine;
import dev.wharf.application.port.out.warehouse.WarehouseRepository;
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
 * or provisioned anew) is left alone, and so is one the engine cannot answer for.
 */
public final class WarehouseCheckService {
    public static final String ADVICE = ". Deprovision it to remove what is left and free its name.";
    static final int BATCH = 100;
    static final int GIVE_UP_AFTER = 3;

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

    /**
     * Checks every ready warehouse once; the ones it marked failed, as they are now. A warehouse the engine cannot
     * answer for is left as it is and counted; after {@link #GIVE_UP_AFTER} such answers in a row the engine is taken
     * to be down and the rest of the pass is skipped.
     */
    public Checked checkReady() {
        List<Warehouse> failed = new ArrayList<>();
        int checked = 0;
        int unanswered = 0;
        int inARow = 0;
        String firstProblem = null;
        ProjectId after = null;
        while (true) {
            List<Warehouse> batch = warehouses.findInStateAfter(WarehouseState.READY, after, BATCH);
            for (Warehouse ready : batch) {
                after = ready.projectId();
                Optional<String> problem;
                try {
                    problem = engine.problemWith(ready.databaseName(), WarehouseTag.of(ready));
                } catch (RuntimeException e) {
                    unanswered++;
                    firstProblem = firstProblem == null ? String.valueOf(e.getMessage()) : firstProblem;
                    if (++inARow >= GIVE_UP_AFTER) {
                        return new Checked(checked, List.copyOf(failed), unanswered, firstProblem);
                    }
                    continue;
                }
                inARow = 0;
                checked++;
                problem.flatMap(p -> markFailed(ready, p)).ifPresent(failed::add);
            }
            if (batch.size() < BATCH) {
                return new Checked(checked, List.copyOf(failed), unanswered, firstProblem);
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

    /**
     * How many ready warehouses were checked, the ones now failed, how many the engine could not answer for, and what
     * it said the first time (null when it always answered).
     */
    public record Checked(int checked, List<Warehouse> failed, int unanswered, String firstProblem) {
        public boolean allAnswered() {
            return unanswered == 0;
        }
    }
}
