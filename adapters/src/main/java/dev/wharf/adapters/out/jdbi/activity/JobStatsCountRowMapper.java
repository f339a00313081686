package dev.wharf.adapters.out.jdbi.activity;

import dev.wharf.application.port.out.activity.JobStatsCount;
import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.job.JobStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Instantiated by Jdbi, so public; used only by this package's DAO. */
public final class JobStatsCountRowMapper implements RowMapper<JobStatsCount> {
    @Override
    public JobStatsCount map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new JobStatsCount(
                JobKind.fromWireName(rs.getString("kind")),
                JobStatus.fromWireName(rs.getString("status")),
                rs.getInt("bucket"),
                rs.getLong("jobs"));
    }
}
