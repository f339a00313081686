package dev.wharf.adapters.out.jdbi.warehouse;

import dev.wharf.application.port.out.provisioning.ProvisioningQueue;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.warehouse.WarehouseState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ProvisioningQueue} on the warehouse table. A claim is one conditional UPDATE: under READ COMMITTED,
 * PostgreSQL re-checks the condition after waiting for a concurrent claimant's row lock, so exactly one of two
 * workers gets the row.
 */
public final class JdbiProvisioningQueue implements ProvisioningQueue {
    private final ProvisioningQueueDao dao;

    public JdbiProvisioningQueue(Jdbi jdbi) {
        this.dao = jdbi.onDemand(ProvisioningQueueDao.class);
    }

    @Override
    public List<ProjectId> due(Instant now, int limit) {
        return limit <= 0
                ? List.of()
                : dao.due(now, limit).stream().map(ProjectId::of).toList();
    }

    @Override
    public Optional<Claim> claim(ProjectId projectId, String worker, Instant now, Instant leaseUntil) {
        if (dao.claim(projectId.value(), worker, now, leaseUntil) != 1) {
            return Optional.empty();
        }
        return dao.attempts(projectId.value()).map(attempts -> new Claim(projectId, worker, attempts));
    }

    @Override
    public void release(
            ProjectId projectId, String worker, WarehouseState scheduledFor, Instant nextAttemptAt, int attempts) {
        dao.release(
                projectId.value(),
                worker,
                scheduledFor == null ? null : scheduledFor.wireName(),
                nextAttemptAt,
                attempts);
    }

    @Override
    public int endAllClaims(Instant now) {
        return dao.endAllClaims(now);
    }
}
