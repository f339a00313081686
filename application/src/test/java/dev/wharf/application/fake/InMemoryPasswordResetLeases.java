package dev.wharf.application.fake;

import dev.wharf.application.fake.InMemoryStore.ResetLease;
import dev.wharf.application.port.out.warehouse.PasswordResetLeases;
import dev.wharf.domain.project.ProjectId;
import java.time.Instant;
import java.util.Map;

/** {@link PasswordResetLeases} over an {@link InMemoryStore}; a lease needs its project's warehouse. */
public final class InMemoryPasswordResetLeases implements PasswordResetLeases {
    private final InMemoryStore store;

    public InMemoryPasswordResetLeases(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public boolean take(ProjectId project, String owner, Instant now, Instant until) {
        return store.write(t -> {
            t.requireWarehouse(project);
            ResetLease held = t.resetLeases.get(project);
            if (held != null && held.expiresAt().isAfter(now)) {
                return false;
            }
            t.resetLeases.put(project, new ResetLease(owner, until));
            return true;
        });
    }

    @Override
    public boolean release(ProjectId project, String owner) {
        return store.write(t -> {
            ResetLease held = t.resetLeases.get(project);
            if (held == null || !held.owner().equals(owner)) {
                return false;
            }
            t.resetLeases.remove(project);
            return true;
        });
    }

    @Override
    public int endAll(Instant now) {
        return store.write(t -> {
            int ended = 0;
            for (Map.Entry<ProjectId, ResetLease> lease : t.resetLeases.entrySet()) {
                if (lease.getValue().expiresAt().isAfter(now)) {
                    lease.setValue(new ResetLease(lease.getValue().owner(), now));
                    ended++;
                }
            }
            return ended;
        });
    }
}
