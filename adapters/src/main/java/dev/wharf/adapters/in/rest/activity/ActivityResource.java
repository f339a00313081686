package dev.wharf.adapters.in.rest.activity;

import dev.wharf.adapters.in.rest.ProjectIds;
import dev.wharf.adapters.in.rest.auth.ActorPrincipal;
import dev.wharf.application.port.in.activity.ActivityLists;
import dev.wharf.application.port.in.activity.ActivityQuery;
import dev.wharf.application.port.in.activity.JobStatistics;
import dev.wharf.application.port.in.activity.JobStatsQuery;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The job activity endpoints under {@code /api/projects/{id}/data_warehouse/} and its alias {@code
 * /api/environments/{id}/data_warehouse/}, with or without a trailing slash. Parameters reach the use cases as sent.
 */
@Path("/api/{scope: projects|environments}/{project_id}/data_warehouse")
@Produces(MediaType.APPLICATION_JSON)
public final class ActivityResource {
    private final ActivityLists activity;
    private final JobStatistics stats;

    public ActivityResource(ActivityLists activity, JobStatistics stats) {
        this.activity = activity;
        this.stats = stats;
    }

    @GET
    @Path("/running_activity{slash: /?}")
    public ActivityPageResponse running(
            @Auth ActorPrincipal caller,
            @PathParam("project_id") String project,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset,
            @QueryParam("cutoff_days") String cutoffDays,
            @QueryParam("kind") String kind) {
        return ActivityPageResponse.of(activity.running(
                new ActivityQuery(caller.actor(), ProjectIds.parse(project), limit, offset, cutoffDays, kind, null)));
    }

    @GET
    @Path("/completed_activity{slash: /?}")
    public ActivityPageResponse completed(
            @Auth ActorPrincipal caller,
            @PathParam("project_id") String project,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset,
            @QueryParam("cutoff_days") String cutoffDays,
            @QueryParam("kind") String kind,
            @QueryParam("outcome") String outcome) {
        return ActivityPageResponse.of(activity.completed(new ActivityQuery(
                caller.actor(), ProjectIds.parse(project), limit, offset, cutoffDays, kind, outcome)));
    }

    @GET
    @Path("/job_stats{slash: /?}")
    public JobStatsResponse stats(
            @Auth ActorPrincipal caller, @PathParam("project_id") String project, @QueryParam("days") String days) {
        return JobStatsResponse.of(stats.stats(new JobStatsQuery(caller.actor(), ProjectIds.parse(project), days)));
    }
}
