package dev.wharf.adapters.out.jdbi.credential;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface PasswordResetLeaseDao {
    @SqlUpdate("""
            UPDATE password_reset_lease SET owner = :owner, expires_at = :until
            WHERE project_id = :projectId AND expires_at <= :now""")
    int takeOver(
            @Bind("projectId") long projectId,
            @Bind("owner") String owner,
            @Bind("now") Instant now,
            @Bind("until") Instant until);

    @SqlUpdate("""
            INSERT INTO password_reset_lease (project_id, owner, expires_at)
            SELECT :projectId, :owner, :until
            WHERE NOT EXISTS (SELECT 1 FROM password_reset_lease WHERE project_id = :projectId)""")
    int insertIfAbsent(@Bind("projectId") long projectId, @Bind("owner") String owner, @Bind("until") Instant until);

    @SqlUpdate("UPDATE password_reset_lease SET expires_at = :now WHERE expires_at > :now")
    int endAll(@Bind("now") Instant now);

    @SqlUpdate("DELETE FROM password_reset_lease WHERE project_id = :projectId AND owner = :owner")
    int delete(@Bind("projectId") long projectId, @Bind("owner") String owner);
}
