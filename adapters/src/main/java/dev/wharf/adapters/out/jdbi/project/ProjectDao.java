package dev.wharf.adapters.out.jdbi.project;

import dev.wharf.domain.project.Project;
import java.time.Instant;
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
}
