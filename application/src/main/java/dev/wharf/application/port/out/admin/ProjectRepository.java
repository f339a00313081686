package dev.wharf.application.port.out.admin;

import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import java.util.List;
import java.util.Optional;

/** Stores projects; a project id is never reused while its project exists. */
public interface ProjectRepository {
    void insert(Project project);

    Optional<Project> findById(ProjectId id);

    /** Every project, by id. */
    List<Project> findAll();

    /** The organization's projects, by id. */
    List<Project> findByOrganization(OrganizationId organizationId);

    /** One more than the highest project id, or 1 when there is none. */
    ProjectId nextFreeId();
}
