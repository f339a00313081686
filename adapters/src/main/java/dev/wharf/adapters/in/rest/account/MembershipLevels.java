package dev.wharf.adapters.in.rest.account;

import dev.wharf.domain.project.OrganizationRole;

/** A role as PostHog numbers organization membership levels: 1 member, 8 admin, 15 owner. */
final class MembershipLevels {
    static final int MEMBER = 1;
    static final int ADMIN = 8;
    static final int OWNER = 15;

    private MembershipLevels() {}

    static int of(OrganizationRole role) {
        return switch (role) {
            case MEMBER -> MEMBER;
            case ADMIN -> ADMIN;
            case OWNER -> OWNER;
        };
    }
}
