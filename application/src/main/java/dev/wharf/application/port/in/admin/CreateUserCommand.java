package dev.wharf.application.port.in.admin;

import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.shared.Require;

/** A user (by e-mail) who is to be a member of an organization with a role. */
public record CreateUserCommand(String email, OrganizationId organizationId, OrganizationRole role) {
    public CreateUserCommand {
        Require.nonNull(organizationId, "organizationId");
        Require.nonNull(role, "role");
    }
}
