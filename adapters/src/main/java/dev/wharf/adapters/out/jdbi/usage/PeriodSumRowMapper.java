package dev.wharf.adapters.out.jdbi.usage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Instantiated by Jdbi, so public; used only by this package's DAO. */
public final class PeriodSumRowMapper implements RowMapper<PeriodSum> {
    @Override
    public PeriodSum map(ResultSet rs, StatementContext ctx) throws SQLException {
        ColumnMapper<Instant> instant = ctx.findColumnMapperFor(Instant.class).orElseThrow();
        return new PeriodSum(
                instant.map(rs, "period_start", ctx),
                instant.map(rs, "period_end", ctx),
                rs.getLong("materialized_rows"));
    }
}
