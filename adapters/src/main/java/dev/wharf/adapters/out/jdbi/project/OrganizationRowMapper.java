package dev.wharf.adapters.out.jdbi.project;

import dev.wharf.domain.project.Organization;
import dev.wharf.domain.project.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Instantiated by Jdbi, so public; used only by this package's DAO. */
public final class OrganizationRowMapper implements RowMapper<Organization> {
    @Override
    public Organization map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Organization(
                new OrganizationId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "created_at", ctx));
    }
}
