package dev.wharf.adapters.out.jdbi.project;

import dev.wharf.domain.project.Project;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(ProjectRowMapper.class)
interface ProjectDao {
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

    @SqlQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM project")
    long nextFreeId();
}
