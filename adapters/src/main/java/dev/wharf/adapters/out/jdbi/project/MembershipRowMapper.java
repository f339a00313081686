package dev.wharf.adapters.out.jdbi.project;

import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Instantiated by Jdbi, so public; used only by this package's DAO. */
public final class MembershipRowMapper implements RowMapper<Membership> {
    @Override
    public Membership map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Membership(
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                new UserId(rs.getObject("user_id", UUID.class)),
                OrganizationRole.fromWireName(rs.getString("role")),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "joined_at", ctx));
    }
}
