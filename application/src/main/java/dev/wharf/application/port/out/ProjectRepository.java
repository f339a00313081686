package dev.wharf.application.port.out;

import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import java.util.Optional;

/** Stores projects. */
public interface ProjectRepository {
    void insert(Project project);

    Optional<Project> findById(ProjectId id);
}
