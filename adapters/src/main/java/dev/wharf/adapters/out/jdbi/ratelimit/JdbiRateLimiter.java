package dev.wharf.adapters.out.jdbi.ratelimit;

import dev.wharf.application.port.out.ratelimit.RateLimiter;
import dev.wharf.domain.project.ProjectId;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * {@link RateLimiter} on Jdbi: a counter row per project and window in {@code rate_limit_window}. A take runs in one
 * short READ COMMITTED transaction: the conditional increment; if no row was changed, the window's first insert; if
 * another call inserted it meanwhile, the increment once more. The row stays locked until the commit, so the count
 * read back is this call's own.
 */
public final class JdbiRateLimiter implements RateLimiter {
    private final Jdbi jdbi;

    public JdbiRateLimiter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Count take(ProjectId project, Instant windowStart, int limit) {
        long id = project.value();
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> {
            RateLimitDao dao = handle.attach(RateLimitDao.class);
            if (dao.increment(id, windowStart, limit) == 1) {
                return new Count(true, dao.used(id, windowStart).orElseThrow());
            }
            if (dao.insertFirst(id, windowStart) == 1) {
                dao.deleteBefore(id, windowStart);
                return new Count(true, 1);
            }
            if (dao.increment(id, windowStart, limit) == 1) {
                return new Count(true, dao.used(id, windowStart).orElseThrow());
            }
            return new Count(false, dao.used(id, windowStart).orElse(limit));
        });
    }
}
