package dev.wharf.adapters.out.jdbi.project;

import dev.wharf.application.port.out.admin.MemberProject;
import dev.wharf.domain.project.Project;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(ProjectRowMapper.class)
@RegisterRowMapper(MemberProjectRowMapper.class)
interface ProjectDao {
    /** The projects of the user's organizations, with the user's role: served by the membership's user index. */
    String OF_MEMBER = """
            FROM project p JOIN organization_membership m ON m.organization_id = p.organization_id
            WHERE m.user_id = :userId""";

    String MEMBER_COLUMNS = "SELECT p.id, p.organization_id, p.name, p.time_zone, p.created_at, m.role ";

    @SqlUpdate("""
            INSERT INTO project (id, organization_id, name, time_zone, created_at)
            VALUES (:id, :organizationId, :name, :timeZone, :createdAt)""")
    void insert(
            @Bind("id") long id,
            @Bind("organizationId") UUID organizationId,
            @Bind("name") String name,
            @Bind("timeZone") String timeZone,
            @Bind("createdAt") Instant createdAt);

    @SqlQuery("SELECT id, organization_id, name, time_zone, created_at FROM project WHERE id = :id")
    Optional<Project> find(@Bind("id") long id);

    @SqlQuery("SELECT id, organization_id, name, time_zone, created_at FROM project ORDER BY id")
    List<Project> findAll();

    @SqlQuery("""
            SELECT id, organization_id, name, time_zone, created_at FROM project
            WHERE organization_id = :organizationId ORDER BY id""")
    List<Project> findByOrganization(@Bind("organizationId") UUID organizationId);

    @SqlQuery(MEMBER_COLUMNS + OF_MEMBER + " ORDER BY p.id LIMIT :limit OFFSET :offset")
    List<MemberProject> findOfMember(@Bind("userId") UUID userId, @Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery(MEMBER_COLUMNS + OF_MEMBER + " AND p.id IN (<only>) ORDER BY p.id LIMIT :limit OFFSET :offset")
    List<MemberProject> findOfMemberAmong(
            @Bind("userId") UUID userId,
            @BindList("only") List<Long> only,
            @Bind("limit") int limit,
            @Bind("offset") int offset);

    @SqlQuery("SELECT COUNT(*) " + OF_MEMBER)
    long countOfMember(@Bind("userId") UUID userId);

    @SqlQuery("SELECT COUNT(*) " + OF_MEMBER + " AND p.id IN (<only>)")
    long countOfMemberAmong(@Bind("userId") UUID userId, @BindList("only") List<Long> only);

    @SqlQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM project")
    long nextFreeId();
}
