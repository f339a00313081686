package dev.wharf.adapters.in.rest.job;

import dev.wharf.adapters.in.rest.ProjectIds;
import dev.wharf.adapters.in.rest.auth.ActorPrincipal;
import dev.wharf.application.port.in.job.JobQuery;
import dev.wharf.application.port.in.job.JobReporting;
import dev.wharf.application.port.in.job.ReportJobCommand;
import dev.wharf.application.port.in.job.StartJobCommand;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The job reporting API for pipeline workers under {@code /api/projects/{id}/data_warehouse/jobs/} and its {@code
 * /api/environments/} alias, with or without a trailing slash. It shares its root path with the warehouse resource;
 * Jersey merges the two.
 */
@Path("/api/{scope: projects|environments}/{project_id}/data_warehouse")
@Produces(MediaType.APPLICATION_JSON)
public final class JobResource {
    private final JobReporting jobs;

    public JobResource(JobReporting jobs) {
        this.jobs = jobs;
    }

    @POST
    @Path("/jobs{slash: /?}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(
            @Auth ActorPrincipal caller, @PathParam("project_id") String project, StartJobRequest request) {
        StartJobRequest b = request == null ? StartJobRequest.EMPTY : request;
        StartJobCommand command = new StartJobCommand(
                caller.actor(),
                ProjectIds.parse(project),
                b.kind(),
                b.sourceId(),
                b.schemaName(),
                b.savedQueryName(),
                b.workflowRunId(),
                b.billable(),
                b.createdAt());
        return Response.status(201).entity(JobResponse.of(jobs.start(command))).build();
    }

    @PATCH
    @Path("/jobs/{job_id}{slash: /?}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JobResponse report(
            @Auth ActorPrincipal caller,
            @PathParam("project_id") String project,
            @PathParam("job_id") String job,
            ReportJobRequest request) {
        ReportJobRequest b = request == null ? new ReportJobRequest() : request;
        return JobResponse.of(jobs.report(new ReportJobCommand(
                caller.actor(), ProjectIds.parse(project), job, b.rows(), b.status(), b.latestError())));
    }

    @GET
    @Path("/jobs/{job_id}{slash: /?}")
    public JobResponse get(
            @Auth ActorPrincipal caller, @PathParam("project_id") String project, @PathParam("job_id") String job) {
        return JobResponse.of(jobs.get(new JobQuery(caller.actor(), ProjectIds.parse(project), job)));
    }
}
