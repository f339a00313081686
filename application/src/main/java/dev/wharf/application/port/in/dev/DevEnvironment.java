package dev.wharf.application.port.in.dev;

import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.UserId;

/** What dev mode set up; {@code created} is true on the first start only. */
public record DevEnvironment(
        OrganizationId organizationId, ProjectId projectId, UserId userId, ApiKeyId apiKeyId, boolean created) {}
