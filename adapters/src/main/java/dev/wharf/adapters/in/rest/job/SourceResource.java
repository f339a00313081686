package dev.wharf.adapters.in.rest.job;

import dev.wharf.adapters.in.rest.ProjectIds;
import dev.wharf.adapters.in.rest.auth.ActorPrincipal;
import dev.wharf.application.port.in.job.CreateSourceCommand;
import dev.wharf.application.port.in.job.DeleteSourceCommand;
import dev.wharf.application.port.in.job.ListSourcesQuery;
import dev.wharf.application.port.in.job.Sources;
import dev.wharf.application.port.in.job.UpdateSourceCommand;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

/**
 * External data sources under {@code /api/projects/{id}/external_data_sources/} and its {@code /api/environments/}
 * alias, with or without a trailing slash: pipeline workers register and delete them, readers list them.
 */
@Path("/api/{scope: projects|environments}/{project_id}")
@Produces(MediaType.APPLICATION_JSON)
public final class SourceResource {
    private final Sources sources;
    private final Clock clock;

    /** {@code clock}: the time a source's freshness status is answered at. */
    public SourceResource(Sources sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    @GET
    @Path("/external_data_sources{slash: /?}")
    public SourcePageResponse list(
            @Auth ActorPrincipal caller,
            @PathParam("project_id") String project,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        return SourcePageResponse.of(
                sources.list(new ListSourcesQuery(caller.actor(), ProjectIds.parse(project), limit, offset)),
                clock.instant());
    }

    @POST
    @Path("/external_data_sources{slash: /?}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(
            @Auth ActorPrincipal caller, @PathParam("project_id") String project, CreateSourceRequest request) {
        CreateSourceRequest body = request == null ? new CreateSourceRequest(null, null, null) : request;
        return Response.status(201)
                .entity(SourceResponse.of(
                        sources.create(new CreateSourceCommand(
                                caller.actor(),
                                ProjectIds.parse(project),
                                body.sourceType(),
                                body.prefix(),
                                body.freshness())),
                        clock.instant()))
                .build();
    }

    @PATCH
    @Path("/external_data_sources/{source_id}{slash: /?}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SourceResponse update(
            @Auth ActorPrincipal caller,
            @PathParam("project_id") String project,
            @PathParam("source_id") String source,
            UpdateSourceRequest request) {
        UpdateSourceRequest body = request == null ? new UpdateSourceRequest() : request;
        return SourceResponse.of(
                sources.update(
                        new UpdateSourceCommand(caller.actor(), ProjectIds.parse(project), source, body.freshness())),
                clock.instant());
    }

    @DELETE
    @Path("/external_data_sources/{source_id}{slash: /?}")
    public Response delete(
            @Auth ActorPrincipal caller,
            @PathParam("project_id") String project,
            @PathParam("source_id") String source) {
        sources.delete(new DeleteSourceCommand(caller.actor(), ProjectIds.parse(project), source));
        return Response.noContent().build();
    }
}
