package dev.wharf.adapters.out.jdbi.credential;

import dev.wharf.application.port.out.warehouse.PasswordResetLeases;
import dev.wharf.domain.project.ProjectId;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link PasswordResetLeases} on Jdbi: one row per warehouse being reset in {@code password_reset_lease}. The caller
 * holds the warehouse's row lock, so taking a lease needs no upsert: an expired lease is taken over by an update, a
 * missing one inserted.
 */
public final class JdbiPasswordResetLeases implements PasswordResetLeases {
    private final Jdbi jdbi;

    public JdbiPasswordResetLeases(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean take(ProjectId project, String owner, Instant now, Instant until) {
        return jdbi.withExtension(
                PasswordResetLeaseDao.class,
                dao -> dao.takeOver(project.value(), owner, now, until) == 1
                        || dao.insertIfAbsent(project.value(), owner, until) == 1);
    }

    @Override
    public boolean release(ProjectId project, String owner) {
        return jdbi.withExtension(PasswordResetLeaseDao.class, dao -> dao.delete(project.value(), owner) == 1);
    }

    @Override
    public int endAll(Instant now) {
        return jdbi.withExtension(PasswordResetLeaseDao.class, dao -> dao.endAll(now));
    }
}
