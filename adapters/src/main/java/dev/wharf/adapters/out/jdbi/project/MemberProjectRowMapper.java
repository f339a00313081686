package dev.wharf.adapters.out.jdbi.project;

import dev.wharf.application.port.out.admin.MemberProject;
import dev.wharf.domain.project.OrganizationRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A project's columns and the member's {@code role}. Instantiated by Jdbi, so public; used only by this package. */
public final class MemberProjectRowMapper implements RowMapper<MemberProject> {
    private final ProjectRowMapper projects = new ProjectRowMapper();

    @Override
    public MemberProject map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new MemberProject(projects.map(rs, ctx), OrganizationRole.fromWireName(rs.getString("role")));
    }
}
