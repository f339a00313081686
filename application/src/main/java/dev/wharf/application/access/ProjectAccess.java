package dev.wharf.application.access;

import dev.wharf.application.cache.ExpiringCache;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.auth.MissingScopeException;
import dev.wharf.application.port.in.auth.NotAnAdminException;
import dev.wharf.application.port.in.auth.ProjectNotVisibleException;
import dev.wharf.application.port.out.admin.OrganizationRepository;
import dev.wharf.application.port.out.admin.ProjectRepository;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Decides which key may touch which project with which scope, in one place, so every entry point gets the same
 * answer. Order: the project must be visible (it exists, the key reaches it, the user is a member of its
 * organization), then the key must hold the scope, then, to manage, the user must be an admin or owner.
 */
public final class ProjectAccess {
    private final ProjectRepository projects;
    private final OrganizationRepository organizations;
    private final ExpiringCache<ProjectId, Project> projectCache;
    private final ExpiringCache<MemberOf, Membership> membershipCache;

    /** Reads the store on every check. */
    public ProjectAccess(ProjectRepository projects, OrganizationRepository organizations) {
        this(projects, organizations, Duration.ZERO, Clock.systemUTC());
    }

    /**
     * Remembers projects and memberships that were found for {@code cacheTtl}: a new member gets in at once, a removed
     * one (or a demoted admin) keeps their access at most {@code cacheTtl} longer.
     */
    public ProjectAccess(
            ProjectRepository projects, OrganizationRepository organizations, Duration cacheTtl, Clock clock) {
        this.projects = projects;
        this.organizations = organizations;
        this.projectCache = new ExpiringCache<>(cacheTtl, clock, 10_000);
        this.membershipCache = new ExpiringCache<>(cacheTtl, clock, 10_000);
    }

    /**
     * Refuses {@code actor} unless its key holds {@code scope}: for a read that names no project, such as the list of
     * the projects the key reaches, which then shows only what {@link #require} would let it touch.
     */
    public void requireScope(Actor actor, Scope scope) {
        if (!actor.holds(scope)) {
            throw new MissingScopeException(scope);
        }
    }

    /** The project, if {@code actor} may touch it with {@code scope}. */
    public Project require(Actor actor, ProjectId projectId, Scope scope) {
        return requireAny(actor, projectId, List.of(scope));
    }

    /**
     * The project, if {@code actor} may touch it and holds at least one of {@code anyOf}: for an action that several
     * roles of key each have a reason to take, such as a pipeline worker reading back the job it reports.
     */
    public Project requireAny(Actor actor, ProjectId projectId, List<Scope> anyOf) {
        Project project = visible(actor, projectId);
        if (anyOf.stream().noneMatch(actor::holds)) {
            throw new MissingScopeException(anyOf);
        }
        return project;
    }

    /** The project, if {@code actor} holds {@code scope} and is an admin or owner of its organization. */
    public Project requireAdmin(Actor actor, ProjectId projectId, Scope scope, String refusal) {
        Project project = require(actor, projectId, scope);
        Membership membership =
                membership(project.organizationId(), actor.userId()).orElseThrow(ProjectNotVisibleException::new);
        if (!membership.role().canManageWarehouse()) {
            throw new NotAnAdminException(refusal);
        }
        return project;
    }

    private Project visible(Actor actor, ProjectId projectId) {
        if (!actor.reaches(projectId)) {
            throw new ProjectNotVisibleException();
        }
        Project project = projectCache
                .get(projectId, () -> projects.findById(projectId))
                .orElseThrow(ProjectNotVisibleException::new);
        if (membership(project.organizationId(), actor.userId()).isEmpty()) {
            throw new ProjectNotVisibleException();
        }
        return project;
    }

    private Optional<Membership> membership(OrganizationId organization, UserId user) {
        return membershipCache.get(
                new MemberOf(organization, user), () -> organizations.findMembership(organization, user));
    }

    private record MemberOf(OrganizationId organization, UserId user) {}
}
