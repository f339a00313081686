package dev.wharf.adapters.in.rest.warehouse;

import dev.wharf.adapters.in.rest.ProjectIds;
import dev.wharf.adapters.in.rest.RateLimitHeaders;
import dev.wharf.adapters.in.rest.auth.ActorPrincipal;
import dev.wharf.application.port.in.warehouse.CheckDatabaseNameQuery;
import dev.wharf.application.port.in.warehouse.CheckSchemaNameQuery;
import dev.wharf.application.port.in.warehouse.ManageWarehouseCommand;
import dev.wharf.application.port.in.warehouse.ProvisionWarehouseCommand;
import dev.wharf.application.port.in.warehouse.RootPasswordReset;
import dev.wharf.application.port.in.warehouse.WarehouseLifecycle;
import dev.wharf.application.port.in.warehouse.WarehouseQuery;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The managed-warehouse endpoints under {@code /api/projects/{id}/data_warehouse/} and its alias {@code
 * /api/environments/{id}/data_warehouse/}, with or without a trailing slash. Provision, deprovision and reset-password
 * are limited per project: their answers carry the limit's headers (see {@link RateLimitHeaders}).
 */
@Path("/api/{scope: projects|environments}/{project_id}/data_warehouse")
@Produces(MediaType.APPLICATION_JSON)
public final class WarehouseResource {
    private final WarehouseLifecycle lifecycle;
    private final RootPasswordReset resetPassword;

    public WarehouseResource(WarehouseLifecycle lifecycle, RootPasswordReset resetPassword) {
        this.lifecycle = lifecycle;
        this.resetPassword = resetPassword;
    }

    @GET
    @Path("/warehouse_status{slash: /?}")
    public WarehouseStatusResponse status(@Auth ActorPrincipal caller, @PathParam("project_id") String project) {
        return WarehouseStatusResponse.of(lifecycle.status(query(caller, project)));
    }

    @POST
    @Path("/provision{slash: /?}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response provision(
            @Auth ActorPrincipal caller,
            @PathParam("project_id") String project,
            @Context ContainerRequestContext http,
            ProvisionRequest request) {
        ManageWarehouseCommand command = command(caller, project, http);
        String name = request == null ? null : request.databaseName();
        String schema = request == null ? null : request.schemaName();
        lifecycle.provision(
                new ProvisionWarehouseCommand(command.actor(), command.projectId(), name, schema, command.rateLimit()));
        return Response.accepted(new LifecycleResponse(
                        "provisioning started", command.projectId().toString()))
                .build();
    }

    @POST
    @Path("/deprovision{slash: /?}")
    public Response deprovision(
            @Auth ActorPrincipal caller,
            @PathParam("project_id") String project,
            @Context ContainerRequestContext http) {
        ManageWarehouseCommand command = command(caller, project, http);
        lifecycle.deprovision(command);
        return Response.accepted(new LifecycleResponse(
                        "deprovisioning started", command.projectId().toString()))
                .build();
    }

    @GET
    @Path("/check-database-name{slash: /?}")
    public NameCheckResponse checkName(
            @Auth ActorPrincipal caller, @PathParam("project_id") String project, @QueryParam("name") String name) {
        WarehouseQuery query = query(caller, project);
        return NameCheckResponse.of(
                lifecycle.checkDatabaseName(new CheckDatabaseNameQuery(query.actor(), query.projectId(), name)));
    }

    @GET
    @Path("/check-schema-name{slash: /?}")
    public NameCheckResponse checkSchemaName(
            @Auth ActorPrincipal caller, @PathParam("project_id") String project, @QueryParam("name") String name) {
        WarehouseQuery query = query(caller, project);
        return NameCheckResponse.of(
                lifecycle.checkSchemaName(new CheckSchemaNameQuery(query.actor(), query.projectId(), name)));
    }

    @POST
    @Path("/reset-password{slash: /?}")
    public Response resetPassword(
            @Auth ActorPrincipal caller,
            @PathParam("project_id") String project,
            @Context ContainerRequestContext http) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(PasswordResetResponse.of(resetPassword.reset(command(caller, project, http))))
                .cacheControl(noStore)
                .build();
    }

    private static WarehouseQuery query(ActorPrincipal caller, String project) {
        return new WarehouseQuery(caller.actor(), ProjectIds.parse(project));
    }

    private static ManageWarehouseCommand command(ActorPrincipal caller, String project, ContainerRequestContext http) {
        return new ManageWarehouseCommand(caller.actor(), ProjectIds.parse(project), RateLimitHeaders.listener(http));
    }
}
