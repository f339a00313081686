package dev.wharf.adapters.out.jdbi.project;

import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Instantiated by Jdbi, so public; used only by this package's DAO. */
public final class ProjectRowMapper implements RowMapper<Project> {
    @Override
    public Project map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Project(
                ProjectId.of(rs.getLong("id")),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                rs.getString("name"),
                ZoneId.of(rs.getString("time_zone")),
                ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "created_at", ctx));
    }
}
