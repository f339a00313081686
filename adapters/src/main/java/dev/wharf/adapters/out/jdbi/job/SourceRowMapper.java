package dev.wharf.adapters.out.jdbi.job;

import dev.wharf.domain.job.Freshness;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ProjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Instantiated by Jdbi, so public; used only by this package's DAO. */
public final class SourceRowMapper implements RowMapper<Source> {
    @Override
    public Source map(ResultSet rs, StatementContext ctx) throws SQLException {
        ColumnMapper<Instant> instant = ctx.findColumnMapperFor(Instant.class).orElseThrow();
        return new Source(
                new SourceId(rs.getObject("id", UUID.class)),
                ProjectId.of(rs.getLong("project_id")),
                rs.getString("source_type"),
                rs.getString("prefix"),
                instant.map(rs, "created_at", ctx),
                instant.map(rs, "deleted_at", ctx),
                freshness(rs),
                instant.map(rs, "last_synced_at", ctx),
                rs.getBoolean("freshness_missed"));
    }

    private static Freshness freshness(ResultSet rs) throws SQLException {
        long seconds = rs.getLong("freshness_seconds");
        return rs.wasNull() ? null : Freshness.ofSeconds(seconds);
    }
}
