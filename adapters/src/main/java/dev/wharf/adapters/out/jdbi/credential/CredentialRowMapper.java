package dev.wharf.adapters.out.jdbi.credential;

import dev.wharf.domain.credential.Credential;
import dev.wharf.domain.credential.LoginName;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Instantiated by Jdbi, so public; used only by this package's DAO. */
public final class CredentialRowMapper implements RowMapper<Credential> {
    @Override
    public Credential map(ResultSet rs, StatementContext ctx) throws SQLException {
        Instant setAt = ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "password_last_set_at", ctx);
        UUID setBy = rs.getObject("password_last_set_by", UUID.class);
        return new Credential(
                ProjectId.of(rs.getLong("project_id")),
                new LoginName(rs.getString("username")),
                setAt,
                setBy == null ? null : new UserId(setBy));
    }
}
