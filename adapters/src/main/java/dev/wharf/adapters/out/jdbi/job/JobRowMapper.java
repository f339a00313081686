package dev.wharf.adapters.out.jdbi.job;

import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.job.JobStatus;
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
public final class JobRowMapper implements RowMapper<Job> {
    @Override
    public Job map(ResultSet rs, StatementContext ctx) throws SQLException {
        ColumnMapper<Instant> instant = ctx.findColumnMapperFor(Instant.class).orElseThrow();
        UUID source = rs.getObject("source_id", UUID.class);
        return new Job(
                new JobId(rs.getObject("id", UUID.class)),
                ProjectId.of(rs.getLong("project_id")),
                JobKind.fromWireName(rs.getString("kind")),
                source == null ? null : new SourceId(source),
                rs.getString("name"),
                JobStatus.fromWireName(rs.getString("status")),
                rs.getLong("rows_count"),
                rs.getBoolean("billable"),
                rs.getString("workflow_run_id"),
                rs.getString("latest_error"),
                instant.map(rs, "created_at", ctx),
                instant.map(rs, "finished_at", ctx),
                instant.map(rs, "last_heartbeat_at", ctx));
    }
}
