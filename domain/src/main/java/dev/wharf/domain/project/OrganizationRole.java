package dev.wharf.domain.project;

import dev.wharf.domain.shared.RuleViolationException;
import java.util.Locale;

/** A member's role in an organization. Only admins and owners may manage the managed warehouse. */
public enum OrganizationRole {
    MEMBER,
    ADMIN,
    OWNER;

    public boolean canManageWarehouse() {
        return this != MEMBER;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrganizationRole fromWireName(String value) {
        for (OrganizationRole role : values()) {
            if (role.wireName().equals(value)) {
                return role;
            }
        }
        throw new RuleViolationException("unknown organization role: " + value);
    }
}
