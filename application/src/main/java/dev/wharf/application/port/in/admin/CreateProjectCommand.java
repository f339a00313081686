package dev.wharf.application.port.in.admin;

import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;
import java.time.ZoneId;

/**
 * A new project of an organization. Without an {@code id} the next free one (one more than the highest) is taken;
 * without a {@code timeZone}, UTC.
 */
public record CreateProjectCommand(OrganizationId organizationId, String name, ProjectId id, ZoneId timeZone) {
    public CreateProjectCommand {
        Require.nonNull(organizationId, "organizationId");
    }
}
