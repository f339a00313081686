package dev.wharf.adapters.out.jdbi.activity;

import dev.wharf.application.port.out.JobStatsEntry;
import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.job.JobStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Instantiated by Jdbi, so public; used only by this package's DAO. */
public final class JobStatsEntryRowMapper implements RowMapper<JobStatsEntry> {
    @Override
    public JobStatsEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new JobStatsEntry(
                JobKind.fromWireName(rs.getString("kind")),
                JobStatus.fromWireName(rs.getString("status")),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "created_at", ctx));
    }
}
