package dev.wharf.adapters.out.jdbi.activity;

import dev.wharf.application.port.out.activity.JobActivity;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.job.SourceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** The activity list's rows; used by {@link JdbiJobActivityQueries}. */
public final class JobActivityRowMapper implements RowMapper<JobActivity> {
    @Override
    public JobActivity map(ResultSet rs, StatementContext ctx) throws SQLException {
        ColumnMapper<Instant> instant = ctx.findColumnMapperFor(Instant.class).orElseThrow();
        UUID source = rs.getObject("source_id", UUID.class);
        return new JobActivity(
                new JobId(rs.getObject("id", UUID.class)),
                JobKind.fromWireName(rs.getString("kind")),
                rs.getString("source_type"),
                rs.getString("name"),
                JobStatus.fromWireName(rs.getString("status")),
                rs.getLong("rows_count"),
                instant.map(rs, "created_at", ctx),
                instant.map(rs, "finished_at", ctx),
                rs.getString("latest_error"),
                rs.getString("workflow_run_id"),
                source == null ? null : new SourceId(source));
    }
}
