package dev.wharf.domain.project;

import dev.wharf.domain.shared.Require;
import java.time.Instant;

/** A user's membership of an organization, with a role. A user has at most one membership per organization. */
public record Membership(OrganizationId organizationId, UserId userId, OrganizationRole role, Instant joinedAt) {
    public Membership {
        Require.nonNull(organizationId, "organizationId");
        Require.nonNull(userId, "userId");
        Require.nonNull(role, "role");
        Require.nonNull(joinedAt, "joinedAt");
    }
}
