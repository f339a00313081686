package dev.wharf.application.service;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.auth.MissingScopeException;
import dev.wharf.application.port.in.auth.NotAnAdminException;
import dev.wharf.application.port.in.auth.ProjectNotVisibleException;
import dev.wharf.application.port.out.OrganizationRepository;
import dev.wharf.application.port.out.ProjectRepository;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import java.util.List;

/**
 * Decides which key may touch which project with which scope, in one place, so every entry point gets the same
 * answer. Order: the project must be visible (it exists, the key reaches it, the user is a member of its
 * organization), then the key must hold the scope, then, to manage, the user must be an admin or owner.
 */
public final class ProjectAccess {
    private final ProjectRepository projects;
    private final OrganizationRepository organizations;

    public ProjectAccess(ProjectRepository projects, OrganizationRepository organizations) {
        this.projects = projects;
        this.organizations = organizations;
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
        Membership membership = organizations
                .findMembership(project.organizationId(), actor.userId())
                .orElseThrow(ProjectNotVisibleException::new);
        if (!membership.role().canManageWarehouse()) {
            throw new NotAnAdminException(refusal);
        }
        return project;
    }

    private Project visible(Actor actor, ProjectId projectId) {
        if (!actor.reaches(projectId)) {
            throw new ProjectNotVisibleException();
        }
        Project project = projects.findById(projectId).orElseThrow(ProjectNotVisibleException::new);
        if (organizations
                .findMembership(project.organizationId(), actor.userId())
                .isEmpty()) {
            throw new ProjectNotVisibleException();
        }
        return project;
    }
}
