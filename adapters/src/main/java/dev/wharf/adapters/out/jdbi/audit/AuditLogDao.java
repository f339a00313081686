package dev.wharf.adapters.out.jdbi.audit;

import dev.wharf.domain.audit.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface AuditLogDao {
    @SqlUpdate("""
            INSERT INTO audit_log (id, occurred_at, project_id, user_id, api_key_id, action, outcome, detail)
            VALUES (:id, :occurredAt, :projectId, :userId, :apiKeyId, :action, :outcome, :detail)""")
    void insert(
            @Bind("id") UUID id,
            @Bind("occurredAt") Instant occurredAt,
            @Bind("projectId") long projectId,
            @Bind("userId") UUID userId,
            @Bind("apiKeyId") UUID apiKeyId,
            @Bind("action") String action,
            @Bind("outcome") String outcome,
            @Bind("detail") String detail);

    @SqlQuery("""
            SELECT id, occurred_at, project_id, user_id, api_key_id, action, outcome, detail FROM audit_log
            WHERE project_id = :projectId
            ORDER BY occurred_at DESC, id DESC
            LIMIT :limit OFFSET :offset""")
    @RegisterRowMapper(AuditEntryRowMapper.class)
    List<AuditEntry> list(@Bind("projectId") long projectId, @Bind("limit") int limit, @Bind("offset") int offset);
}
