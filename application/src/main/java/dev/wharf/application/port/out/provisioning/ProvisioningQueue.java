package dev.wharf.application.port.out.provisioning;

import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.warehouse.WarehouseState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The provisioning worker's queue: the warehouses that have work to do (pending, provisioning, deleting), each
 * claimed by one worker at a time under a lease. A worker that dies loses its claim when the lease expires, and
 * another worker takes the warehouse over.
 */
public interface ProvisioningQueue {
    /** Warehouses with work due at {@code now} and no live lease, longest waiting first. */
    List<ProjectId> due(Instant now, int limit);

    /**
     * Claims the warehouse for {@code worker} until {@code leaseUntil}, if it still has work due and no live lease
     * held by another worker (compare and swap).
     */
    Optional<Claim> claim(ProjectId projectId, String worker, Instant now, Instant leaseUntil);

    /**
     * Gives the claim back and schedules the next attempt ({@code null}: as soon as possible) with the failures so far,
     * if the warehouse is still in {@code scheduledFor} ({@code null}: whatever its state); a warehouse whose state
     * changed meanwhile (a deprovision while a worker held a provisioning one) starts afresh: due at once, no failures.
     */
    void release(ProjectId projectId, String worker, WarehouseState scheduledFor, Instant nextAttemptAt, int attempts);

    /**
     * Ends every claim at {@code now}, so their warehouses are due at once; returns how many. Only for a store that no
     * other process can have open (dev mode's metadata file): there, every claim found at a start was left by a
     * process that died.
     */
    int endAllClaims(Instant now);

    /** A held claim and how many attempts failed before it. */
    record Claim(ProjectId projectId, String worker, int attempts) {}
}
