package dev.wharf.application.service.account;

import dev.wharf.application.port.in.account.CallerProfile;
import dev.wharf.application.port.in.account.CurrentUser;
import dev.wharf.application.port.in.account.MemberOrganization;
import dev.wharf.application.port.in.admin.ApiKeySummary;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.out.admin.OrganizationRepository;
import dev.wharf.application.port.out.admin.ProjectRepository;
import dev.wharf.application.port.out.admin.UserRepository;
import dev.wharf.application.port.out.auth.ApiKeyRepository;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code GET /api/users/@me/}: any valid key may ask who it belongs to. The organizations are the user's memberships,
 * oldest first; a key limited to some projects shows only the organizations of those it reaches, so that it tells no
 * more than the project list would. The key is described without its secret or the digest of it.
 */
public final class CurrentUserService implements CurrentUser {
    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final ProjectRepository projects;
    private final ApiKeyRepository apiKeys;

    public CurrentUserService(
            UserRepository users,
            OrganizationRepository organizations,
            ProjectRepository projects,
            ApiKeyRepository apiKeys) {
        this.users = users;
        this.organizations = organizations;
        this.projects = projects;
        this.apiKeys = apiKeys;
    }

    @Override
    public CallerProfile describe(Actor actor) {
        User user = users.findById(actor.userId())
                .orElseThrow(() -> new IllegalStateException("the user of API key " + actor.apiKeyId() + " is gone"));
        ApiKey key = apiKeys.findById(actor.apiKeyId())
                .orElseThrow(() -> new IllegalStateException("API key " + actor.apiKeyId() + " is gone"));
        return new CallerProfile(user, organizations(actor), ApiKeySummary.of(key, user.email()));
    }

    private List<MemberOrganization> organizations(Actor actor) {
        Predicate<OrganizationId> reached = reachedBy(actor);
        List<MemberOrganization> found = new ArrayList<>();
        for (Membership membership : organizations.findMembershipsOfUser(actor.userId())) {
            if (reached.test(membership.organizationId())) {
                organizations
                        .findById(membership.organizationId())
                        .ifPresent(organization -> found.add(new MemberOrganization(organization, membership.role())));
            }
        }
        return found;
    }

    /** Every organization for a key without a project limit; else those owning a project the key reaches. */
    private Predicate<OrganizationId> reachedBy(Actor actor) {
        if (actor.projects().isEmpty()) {
            return organization -> true;
        }
        Set<OrganizationId> owners =
                projects
                        .findOfMember(
                                actor.userId(),
                                actor.projects(),
                                actor.projects().size(),
                                0)
                        .stream()
                        .map(reachable -> reachable.project().organizationId())
                        .collect(Collectors.toSet());
        return owners::contains;
    }
}
