package dev.wharf.application.port.in.warehouse;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.ratelimit.RateLimitListener;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/**
 * Provision a warehouse named {@code databaseName}, with the schema {@code schemaName} when not null (both validated
 * by the use case), for a project; {@code rateLimit} is told where the project's limit stands once the call has been
 * counted.
 */
public record ProvisionWarehouseCommand(
        Actor actor, ProjectId projectId, String databaseName, String schemaName, RateLimitListener rateLimit) {
    public ProvisionWarehouseCommand {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
        Require.nonNull(rateLimit, "rateLimit");
    }

    public ProvisionWarehouseCommand(
            Actor actor, ProjectId projectId, String databaseName, RateLimitListener rateLimit) {
        this(actor, projectId, databaseName, null, rateLimit);
    }

    public ProvisionWarehouseCommand(Actor actor, ProjectId projectId, String databaseName) {
        this(actor, projectId, databaseName, null, RateLimitListener.NONE);
    }
}
