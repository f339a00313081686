package dev.wharf.adapters.out.jdbi.credential;

import dev.wharf.domain.credential.Credential;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(CredentialRowMapper.class)
interface CredentialDao {
    @SqlQuery("""
            SELECT project_id, username, password_last_set_at, password_last_set_by
            FROM warehouse_credential WHERE project_id = :projectId""")
    Optional<Credential> find(@Bind("projectId") long projectId);

    @SqlUpdate("""
            UPDATE warehouse_credential
            SET username = :username, password_last_set_at = :setAt, password_last_set_by = :setBy
            WHERE project_id = :projectId""")
    int update(
            @Bind("projectId") long projectId,
            @Bind("username") String username,
            @Bind("setAt") Instant setAt,
            @Bind("setBy") UUID setBy);

    @SqlUpdate("""
            INSERT INTO warehouse_credential (project_id, username, password_last_set_at, password_last_set_by)
            VALUES (:projectId, :username, :setAt, :setBy)""")
    void insert(
            @Bind("projectId") long projectId,
            @Bind("username") String username,
            @Bind("setAt") Instant setAt,
            @Bind("setBy") UUID setBy);
}
