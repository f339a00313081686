package dev.wharf.domain.project;

import dev.wharf.domain.shared.Require;
import java.time.Instant;

/** A tenant: it owns projects, has members with roles, and is the unit billing periods belong to. */
public record Organization(OrganizationId id, String name, Instant createdAt) {
    public static final int MAX_NAME_LENGTH = 200;

    public Organization {
        Require.nonNull(id, "id");
        Require.nonNull(createdAt, "createdAt");
        name = Names.requireName(name, "organization name", MAX_NAME_LENGTH);
    }
}
