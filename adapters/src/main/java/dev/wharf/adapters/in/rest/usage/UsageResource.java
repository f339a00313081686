package dev.wharf.adapters.in.rest.usage;

import dev.wharf.adapters.in.rest.ProjectIds;
import dev.wharf.adapters.in.rest.auth.ActorPrincipal;
import dev.wharf.application.port.in.usage.GetTotalRowsStatsUseCase;
import dev.wharf.application.port.in.usage.TotalRowsStatsQuery;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET total_rows_stats} under {@code /api/projects/{id}/data_warehouse/} and its alias {@code
 * /api/environments/{id}/data_warehouse/}, with or without a trailing slash.
 */
@Path("/api/{scope: projects|environments}/{project_id}/data_warehouse")
@Produces(MediaType.APPLICATION_JSON)
public final class UsageResource {
    private final GetTotalRowsStatsUseCase totalRowsStats;

    public UsageResource(GetTotalRowsStatsUseCase totalRowsStats) {
        this.totalRowsStats = totalRowsStats;
    }

    @GET
    @Path("/total_rows_stats{slash: /?}")
    public TotalRowsStatsResponse totalRowsStats(@Auth ActorPrincipal caller, @PathParam("project_id") String project) {
        return TotalRowsStatsResponse.of(
                totalRowsStats.totalRowsStats(new TotalRowsStatsQuery(caller.actor(), ProjectIds.parse(project))));
    }
}
