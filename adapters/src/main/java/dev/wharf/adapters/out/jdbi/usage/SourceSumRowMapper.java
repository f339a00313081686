package dev.wharf.adapters.out.jdbi.usage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Instantiated by Jdbi, so public; used only by this package's DAO. */
public final class SourceSumRowMapper implements RowMapper<SourceSum> {
    @Override
    public SourceSum map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SourceSum(rs.getObject("source_id", UUID.class), rs.getBoolean("live"), rs.getLong("row_sum"));
    }
}
