package dev.wharf.domain.project;

import dev.wharf.domain.shared.Require;
import java.util.UUID;

/** An organization owns projects and has members. */
public record OrganizationId(UUID value) {
    public OrganizationId {
        Require.nonNull(value, "organization id");
    }

    public static OrganizationId random() {
        return new OrganizationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
