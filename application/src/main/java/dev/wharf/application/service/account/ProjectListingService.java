package dev.wharf.application.service.account;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.paging.Paging;
import dev.wharf.application.port.in.account.ProjectListQuery;
import dev.wharf.application.port.in.account.ProjectListing;
import dev.wharf.application.port.in.account.ProjectPage;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.out.admin.ProjectRepository;
import dev.wharf.domain.project.Scope;

/**
 * {@code GET /api/projects/}: the projects the caller's key may touch, by id, paged as every list is. The store finds
 * them by the rule {@link ProjectAccess} applies to one project: within the key's project limit, in an organization
 * the key's user is a member of. A project outside that is never read, so neither its name nor its number shows.
 */
public final class ProjectListingService implements ProjectListing {
    public static final String INVALID_PAGING = "Invalid limit or offset parameter";

    private final ProjectAccess access;
    private final ProjectRepository projects;

    public ProjectListingService(ProjectAccess access, ProjectRepository projects) {
        this.access = access;
        this.projects = projects;
    }

    @Override
    public ProjectPage list(ProjectListQuery query) {
        Actor actor = query.actor();
        access.requireScope(actor, Scope.WAREHOUSE_VIEW_READ);
        Paging paging = Paging.parse(query.limit(), query.offset(), INVALID_PAGING);
        return new ProjectPage(
                paging.page(projects.findOfMember(actor.userId(), actor.projects(), paging.fetch(), paging.offset())),
                projects.countOfMember(actor.userId(), actor.projects()));
    }
}
