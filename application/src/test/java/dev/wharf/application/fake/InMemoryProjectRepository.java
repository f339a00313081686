package dev.wharf.application.fake;

import dev.wharf.application.fake.InMemoryStore.Tables;
import dev.wharf.application.port.out.ProjectRepository;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import java.util.Optional;

/** {@link ProjectRepository} over an {@link InMemoryStore}. */
public final class InMemoryProjectRepository implements ProjectRepository {
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
}
