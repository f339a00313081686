package dev.wharf.domain.project;

import dev.wharf.domain.shared.Require;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A project of an organization; each project has at most one live managed warehouse. The time zone is the one
 * job statistics are bucketed in (UTC unless set).
 */
public record Project(ProjectId id, OrganizationId organizationId, String name, ZoneId timeZone, Instant createdAt) {
    public static final int MAX_NAME_LENGTH = 200;

    public Project {
        Require.nonNull(id, "id");
        Require.nonNull(organizationId, "organizationId");
        Require.nonNull(timeZone, "timeZone");
        Require.nonNull(createdAt, "createdAt");
        name = Names.requireName(name, "project name", MAX_NAME_LENGTH);
    }
}
