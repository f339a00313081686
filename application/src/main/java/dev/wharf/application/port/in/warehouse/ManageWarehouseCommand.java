package dev.wharf.application.port.in.warehouse;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.ratelimit.RateLimitListener;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;

/**
 * A rate-limited, audited action on the warehouse of one project (deprovision, reset-password), by one actor;
 * {@code rateLimit} is told where the project's limit stands once the call has been counted.
 */
public record ManageWarehouseCommand(Actor actor, ProjectId projectId, RateLimitListener rateLimit) {
    public ManageWarehouseCommand {
        Require.nonNull(actor, "actor");
        Require.nonNull(projectId, "projectId");
        Require.nonNull(rateLimit, "rateLimit");
    }

    public ManageWarehouseCommand(Actor actor, ProjectId projectId) {
        this(actor, projectId, RateLimitListener.NONE);
    }
}
