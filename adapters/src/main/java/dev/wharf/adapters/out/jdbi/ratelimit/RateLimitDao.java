package dev.wharf.adapters.out.jdbi.ratelimit;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The counter statements. Under READ COMMITTED a conditional UPDATE that waits for another transaction's lock on the
 * row checks its condition again on the committed row (PostgreSQL and H2 alike), so {@code used < :limit} holds even
 * under concurrency; an INSERT that meets a row another transaction is inserting waits for it and then does nothing.
 */
interface RateLimitDao {
    @SqlUpdate("""
            UPDATE rate_limit_window SET used = used + 1
            WHERE project_id = :projectId AND window_start = :windowStart AND used < :limit""")
    int increment(
            @Bind("projectId") long projectId, @Bind("windowStart") Instant windowStart, @Bind("limit") int limit);

    @SqlUpdate("""
            INSERT INTO rate_limit_window (project_id, window_start, used) VALUES (:projectId, :windowStart, 1)
            ON CONFLICT DO NOTHING""")
    int insertFirst(@Bind("projectId") long projectId, @Bind("windowStart") Instant windowStart);

    @SqlUpdate("DELETE FROM rate_limit_window WHERE project_id = :projectId AND window_start < :windowStart")
    void deleteBefore(@Bind("projectId") long projectId, @Bind("windowStart") Instant windowStart);

    @SqlQuery("SELECT used FROM rate_limit_window WHERE project_id = :projectId AND window_start = :windowStart")
    Optional<Integer> used(@Bind("projectId") long projectId, @Bind("windowStart") Instant windowStart);
}
