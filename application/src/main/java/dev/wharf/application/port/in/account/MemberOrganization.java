package dev.wharf.application.port.in.account;

import dev.wharf.domain.project.Organization;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.shared.Require;

/** An organization the caller is a member of, with the caller's role in it. */
public record MemberOrganization(Organization organization, OrganizationRole role) {
    public MemberOrganization {
        Require.nonNull(organization, "organization");
        Require.nonNull(role, "role");
    }
}
