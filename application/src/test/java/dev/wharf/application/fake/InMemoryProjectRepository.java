package dev.wharf.application.fake;

import dev.wharf.application.fake.InMemoryStore.MembershipKey;
import dev.wharf.application.fake.InMemoryStore.Tables;
import dev.wharf.application.port.out.admin.MemberProject;
import dev.wharf.application.port.out.admin.ProjectRepository;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** {@link ProjectRepository} over an {@link InMemoryStore}. */
public final class InMemoryProjectRepository implements ProjectRepository {
    private static final Comparator<Project> BY_ID = Comparator.comparingLong(p -> p.id().value());

    private final InMemoryStore store;

    public InMemoryProjectRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(Project project) {
        store.change(t -> {
            Tables.requireNew(t.projects.containsKey(project.id()), "project", project.id());
            t.requireOrganization(project.organizationId());
            t.projects.put(project.id(), project);
        });
    }

    @Override
    public Optional<Project> findById(ProjectId id) {
        return store.read(t -> Optional.ofNullable(t.projects.get(id)));
    }

    @Override
    public List<Project> findAll() {
        return store.read(t -> t.projects.values().stream().sorted(BY_ID).toList());
    }

    @Override
    public List<Project> findByOrganization(OrganizationId organizationId) {
        return store.read(t -> t.projects.values().stream()
                .filter(p -> p.organizationId().equals(organizationId))
                .sorted(BY_ID)
                .toList());
    }

    @Override
    public List<MemberProject> findOfMember(UserId user, Set<ProjectId> only, int limit, int offset) {
        return store.read(t -> ofMember(t, user, only).skip(offset).limit(limit).toList());
    }

    @Override
    public long countOfMember(UserId user, Set<ProjectId> only) {
        return store.read(t -> ofMember(t, user, only).count());
    }

    private static Stream<MemberProject> ofMember(Tables t, UserId user, Set<ProjectId> only) {
        return t.projects.values().stream()
                .filter(p -> only.isEmpty() || only.contains(p.id()))
                .sorted(BY_ID)
                .flatMap(p -> {
                    Membership m = t.memberships.get(new MembershipKey(p.organizationId(), user));
                    return m == null ? Stream.empty() : Stream.of(new MemberProject(p, m.role()));
                });
    }

    @Override
    public ProjectId nextFreeId() {
        return store.read(t -> ProjectId.of(
                t.projects.keySet().stream().mapToLong(ProjectId::value).max().orElse(0) + 1));
    }
}
