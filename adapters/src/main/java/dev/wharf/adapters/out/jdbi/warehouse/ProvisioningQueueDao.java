package dev.wharf.adapters.out.jdbi.warehouse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface ProvisioningQueueDao {
    String DUE = """
            state IN ('pending', 'provisioning', 'deleting')
            AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
            AND (lease_expires_at IS NULL OR lease_expires_at <= :now)""";

    @SqlQuery("SELECT project_id FROM warehouse WHERE " + DUE
            + " ORDER BY COALESCE(next_attempt_at, updated_at), project_id LIMIT :limit")
    List<Long> due(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlUpdate("UPDATE warehouse SET lease_owner = :worker, lease_expires_at = :leaseUntil"
            + " WHERE project_id = :projectId AND " + DUE)
    int claim(
            @Bind("projectId") long projectId,
            @Bind("worker") String worker,
            @Bind("now") Instant now,
            @Bind("leaseUntil") Instant leaseUntil);

    @SqlQuery("SELECT attempts FROM warehouse WHERE project_id = :projectId")
    Optional<Integer> attempts(@Bind("projectId") long projectId);

    @SqlUpdate("""
            UPDATE warehouse SET lease_owner = NULL, lease_expires_at = NULL,
                next_attempt_at = CASE WHEN state = COALESCE(CAST(:scheduledFor AS VARCHAR(20)), state)
                    THEN CAST(:nextAttemptAt AS TIMESTAMP WITH TIME ZONE) ELSE NULL END,
                attempts = CASE WHEN state = COALESCE(CAST(:scheduledFor AS VARCHAR(20)), state)
                    THEN :attempts ELSE 0 END
            WHERE project_id = :projectId AND lease_owner = :worker""")
    int release(
            @Bind("projectId") long projectId,
            @Bind("worker") String worker,
            @Bind("scheduledFor") String scheduledFor,
            @Bind("nextAttemptAt") Instant nextAttemptAt,
            @Bind("attempts") int attempts);

    @SqlUpdate("UPDATE warehouse SET lease_expires_at = :now WHERE lease_expires_at > :now")
    int endAllClaims(@Bind("now") Instant now);
}
