package dev.wharf.application.port.in.admin;

import dev.wharf.domain.project.Project;

/** An operator creates a project in an organization that exists, under an id that is free. */
public interface CreateProjectUseCase {
    Project createProject(CreateProjectCommand command);
}
