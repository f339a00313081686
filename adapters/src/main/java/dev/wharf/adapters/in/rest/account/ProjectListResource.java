package dev.wharf.adapters.in.rest.account;

import dev.wharf.adapters.in.rest.auth.ActorPrincipal;
import dev.wharf.application.port.in.account.ProjectListQuery;
import dev.wharf.application.port.in.account.ProjectListing;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/projects/}, with or without the trailing slash: the projects the caller's key reaches. */
@Path("/api/projects{slash: /?}")
@Produces(MediaType.APPLICATION_JSON)
public final class ProjectListResource {
    private final ProjectListing projects;

    public ProjectListResource(ProjectListing projects) {
        this.projects = projects;
    }

    @GET
    public ProjectPageResponse list(
            @Auth ActorPrincipal caller, @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return ProjectPageResponse.of(projects.list(new ProjectListQuery(caller.actor(), limit, offset)));
    }
}
