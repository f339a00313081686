package dev.wharf.application.port.in.admin;

import dev.wharf.domain.project.OrganizationId;

/** Which projects to list: those of one organization, or every one when {@code organizationId} is null. */
public record ListProjectsQuery(OrganizationId organizationId) {
    public static ListProjectsQuery all() {
        return new ListProjectsQuery(null);
    }
}
