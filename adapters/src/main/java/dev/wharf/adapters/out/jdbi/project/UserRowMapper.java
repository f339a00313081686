package dev.wharf.adapters.out.jdbi.project;

import dev.wharf.domain.project.User;
import dev.wharf.domain.project.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Instantiated by Jdbi, so public; used only by this package's DAO. */
public final class UserRowMapper implements RowMapper<User> {
    @Override
    public User map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(
                new UserId(rs.getObject("id", UUID.class)),
                rs.getString("email"),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "created_at", ctx));
    }
}
