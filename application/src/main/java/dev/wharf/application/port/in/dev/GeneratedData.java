package dev.wharf.application.port.in.dev;

import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.ProjectId;
import java.util.List;

/** What was loaded, and a key (all scopes, admin of the organization) to read it with; the key is shown once. */
public record GeneratedData(
        OrganizationId organization, List<ProjectId> projects, long sources, long jobs, ApiKeySecret apiKey) {
    public GeneratedData {
        projects = List.copyOf(projects);
    }
}
