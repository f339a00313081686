package dev.wharf.application.fake;

import dev.wharf.application.port.out.provisioning.ProvisioningQueue;
import dev.wharf.application.port.out.warehouse.WarehouseRepository;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link ProvisioningQueue} over a warehouse repository, with leases and retry times kept in memory. */
public final class InMemoryProvisioningQueue implements ProvisioningQueue {
    private static final Set<WarehouseState> WORK =
            Set.of(WarehouseState.PENDING, WarehouseState.PROVISIONING, WarehouseState.DELETING);

    private final WarehouseRepository warehouses;
    private final Map<ProjectId, Entry> entries = new HashMap<>();

    private record Entry(String owner, Instant leaseUntil, Instant nextAttempt, int attempts) {}

    public InMemoryProvisioningQueue(WarehouseRepository warehouses) {
        this.warehouses = warehouses;
    }

    @Override
    public synchronized List<ProjectId> due(Instant now, int limit) {
        return warehouses.findInStates(WORK, Integer.MAX_VALUE).stream()
                .filter(w -> isDue(w.projectId(), now))
                .sorted(Comparator.comparing(this::waitingSince)
                        .thenComparingLong(w -> w.projectId().value()))
                .map(Warehouse::projectId)
                .limit(Math.max(0, limit))
                .toList();
    }

    /** Since its next attempt if one is scheduled, else since its last change: the port says longest waiting first. */
    private Instant waitingSince(Warehouse warehouse) {
        Entry entry = entries.get(warehouse.projectId());
        return entry != null && entry.nextAttempt() != null ? entry.nextAttempt() : warehouse.updatedAt();
    }

    @Override
    public synchronized Optional<Claim> claim(ProjectId projectId, String worker, Instant now, Instant leaseUntil) {
        boolean hasWork = warehouses
                .findByProject(projectId)
                .map(w -> WORK.contains(w.state()))
                .orElse(false);
        if (!hasWork || !isDue(projectId, now)) {
            return Optional.empty();
        }
        Entry old = entries.getOrDefault(projectId, new Entry(null, null, null, 0));
        entries.put(projectId, new Entry(worker, leaseUntil, old.nextAttempt(), old.attempts()));
        return Optional.of(new Claim(projectId, worker, old.attempts()));
    }

    @Override
    public synchronized void release(
            ProjectId projectId, String worker, WarehouseState scheduledFor, Instant nextAttemptAt, int attempts) {
        Entry entry = entries.get(projectId);
        if (entry != null && worker.equals(entry.owner())) {
            boolean same = scheduledFor == null
                    || warehouses
                            .findByProject(projectId)
                            .map(w -> w.state() == scheduledFor)
                            .orElse(false);
            entries.put(
                    projectId, same ? new Entry(null, null, nextAttemptAt, attempts) : new Entry(null, null, null, 0));
        }
    }

    @Override
    public synchronized int endAllClaims(Instant now) {
        int ended = 0;
        for (Map.Entry<ProjectId, Entry> entry : entries.entrySet()) {
            Entry held = entry.getValue();
            if (held.leaseUntil() != null && held.leaseUntil().isAfter(now)) {
                entry.setValue(new Entry(held.owner(), now, held.nextAttempt(), held.attempts()));
                ended++;
            }
        }
        return ended;
    }

    private boolean isDue(ProjectId id, Instant now) {
        Entry entry = entries.get(id);
        return entry == null
                || ((entry.nextAttempt() == null || !entry.nextAttempt().isAfter(now))
                        && (entry.leaseUntil() == null || !entry.leaseUntil().isAfter(now)));
    }
}
