package dev.wharf.application.port.out.admin;

import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.Organization;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.UserId;
import java.util.List;
import java.util.Optional;

/** Stores organizations and their memberships. */
public interface OrganizationRepository {
    void insert(Organization organization);

    Optional<Organization> findById(OrganizationId id);

    /** Every organization, oldest first (then by id). */
    List<Organization> findAll();

    /** Adds or replaces the user's membership (and role) in the organization. */
    void saveMembership(Membership membership);

    Optional<Membership> findMembership(OrganizationId organizationId, UserId userId);

    /** The user's memberships, oldest first (then by organization id). */
    List<Membership> findMembershipsOfUser(UserId userId);
}
