package dev.wharf.application.port.out.admin;

import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.shared.Require;

/** A project of an organization a user is a member of, with the user's role in that organization. */
public record MemberProject(Project project, OrganizationRole role) {
    public MemberProject {
        Require.nonNull(project, "project");
        Require.nonNull(role, "role");
    }
}
