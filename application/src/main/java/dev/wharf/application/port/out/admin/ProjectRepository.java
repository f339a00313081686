package dev.wharf.application.port.out.admin;

import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stores projects; a project id is never reused while its project exists. */
public interface ProjectRepository {
    void insert(Project project);

    Optional<Project> findById(ProjectId id);

    /** Every project, by id. */
    List<Project> findAll();

    /** The organization's projects, by id. */
    List<Project> findByOrganization(OrganizationId organizationId);

    /**
     * The projects of the organizations {@code user} is a member of, each with the user's role there, by id: {@code
     * limit} of them from {@code offset}. When {@code only} is not empty (a key's project limit, read as the key reads
     * it), only the projects among it.
     */
    List<MemberProject> findOfMember(UserId user, Set<ProjectId> only, int limit, int offset);

    /** How many projects {@link #findOfMember} finds in all. */
    long countOfMember(UserId user, Set<ProjectId> only);

    /** One more than the highest project id, or 1 when there is none. */
    ProjectId nextFreeId();
}
