package dev.wharf.application.port.in.admin;

import dev.wharf.domain.project.Project;
import java.util.List;

/** Projects by id; an unknown organization is an error, not an empty list. */
public interface ListProjectsUseCase {
    List<Project> listProjects(ListProjectsQuery query);
}
