package dev.wharf.adapters.out.jdbi.project;

import dev.wharf.application.port.out.admin.MemberProject;
import dev.wharf.application.port.out.admin.ProjectRepository;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** {@link ProjectRepository} on Jdbi. */
public final class JdbiProjectRepository implements ProjectRepository {
    private final ProjectDao dao;

    public JdbiProjectRepository(Jdbi jdbi) {
        this.dao = jdbi.onDemand(ProjectDao.class);
    }

    @Override
    public void insert(Project p) {
        dao.insert(
                p.id().value(),
                p.organizationId().value(),
                p.name(),
                p.timeZone().getId(),
                p.createdAt());
    }

    @Override
    public Optional<Project> findById(ProjectId id) {
        return dao.find(id.value());
    }

    @Override
    public List<Project> findAll() {
        return dao.findAll();
    }

    @Override
    public List<Project> findByOrganization(OrganizationId organizationId) {
        return dao.findByOrganization(organizationId.value());
    }

    @Override
    public List<MemberProject> findOfMember(UserId user, Set<ProjectId> only, int limit, int offset) {
        return only.isEmpty()
                ? dao.findOfMember(user.value(), limit, offset)
                : dao.findOfMemberAmong(user.value(), ids(only), limit, offset);
    }

    @Override
    public long countOfMember(UserId user, Set<ProjectId> only) {
        return only.isEmpty() ? dao.countOfMember(user.value()) : dao.countOfMemberAmong(user.value(), ids(only));
    }

    private static List<Long> ids(Set<ProjectId> projects) {
        return projects.stream().map(ProjectId::value).sorted().toList();
    }

    @Override
    public ProjectId nextFreeId() {
        return ProjectId.of(dao.nextFreeId());
    }
}
