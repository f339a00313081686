package dev.wharf.adapters.in.rest.usage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.adapters.in.rest.ProjectIds;
import dev.wharf.adapters.in.rest.auth.ActorPrincipal;
import dev.wharf.application.port.in.usage.TotalRowsStats;
import dev.wharf.application.port.in.usage.TotalRowsStatsQuery;
import dev.wharf.application.port.in.usage.UsageStats;
import dev.wharf.domain.project.ProjectId;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET total_rows_stats} under {@code /api/projects/{id}/data_warehouse/} and its alias {@code
 * /api/environments/{id}/data_warehouse/}, with or without a trailing slash.
 */
@Path("/api/{scope: projects|environments}/{project_id}/data_warehouse")
@Produces(MediaType.APPLICATION_JSON)
public final class UsageResource {
    private final UsageStats totalRowsStats;
    private final TotalRowsStatsJson json;

    /** {@code mapper} is the one the API writes every other answer with. */
    public UsageResource(UsageStats totalRowsStats, ObjectMapper mapper) {
        this.totalRowsStats = totalRowsStats;
        this.json = new TotalRowsStatsJson(mapper);
    }

    /** The body is a {@link TotalRowsStatsResponse}, written by {@link TotalRowsStatsJson}. */
    @GET
    @Path("/total_rows_stats{slash: /?}")
    public Response totalRowsStats(@Auth ActorPrincipal caller, @PathParam("project_id") String project) {
        ProjectId projectId = ProjectIds.parse(project);
        TotalRowsStats stats = totalRowsStats.totalRowsStats(new TotalRowsStatsQuery(caller.actor(), projectId));
        return Response.ok(json.write(projectId, stats), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
