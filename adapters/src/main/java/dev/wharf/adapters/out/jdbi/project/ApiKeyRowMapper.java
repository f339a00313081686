package dev.wharf.adapters.out.jdbi.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Instantiated by Jdbi, so public; used only by this package's DAO. */
public final class ApiKeyRowMapper implements RowMapper<ApiKeyRow> {
    @Override
    public ApiKeyRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ApiKeyRow(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("label"),
                rs.getString("secret_hash"),
                rs.getString("mask"),
                rs.getString("scopes"),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "created_at", ctx),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "revoked_at", ctx));
    }
}
