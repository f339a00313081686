package dev.wharf.adapters.out.jdbi.audit;

import dev.wharf.domain.audit.AuditAction;
import dev.wharf.domain.audit.AuditEntry;
import dev.wharf.domain.audit.AuditOutcome;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Instantiated by Jdbi, so public; used only by this package's DAO. */
public final class AuditEntryRowMapper implements RowMapper<AuditEntry> {
    @Override
    public AuditEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AuditEntry(
                rs.getObject("id", UUID.class),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "occurred_at", ctx),
                new UserId(rs.getObject("user_id", UUID.class)),
                new ApiKeyId(rs.getObject("api_key_id", UUID.class)),
                ProjectId.of(rs.getLong("project_id")),
                AuditAction.fromWireName(rs.getString("action")),
                AuditOutcome.fromWireName(rs.getString("outcome")),
                rs.getString("detail"));
    }
}
