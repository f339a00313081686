package dev.wharf.application.port.in.admin;

import dev.wharf.domain.project.OrganizationId;

/** Which users to list: the members of one organization, or every user when {@code organizationId} is null. */
public record ListUsersQuery(OrganizationId organizationId) {
    public static ListUsersQuery all() {
        return new ListUsersQuery(null);
    }
}
