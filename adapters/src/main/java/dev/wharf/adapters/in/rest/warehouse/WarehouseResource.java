package dev.wharf.adapters.in.rest.warehouse;

import dev.wharf.adapters.in.rest.ProjectIds;
import dev.wharf.adapters.in.rest.auth.ActorPrincipal;
import dev.wharf.application.port.in.warehouse.CheckDatabaseNameQuery;
import dev.wharf.application.port.in.warehouse.CheckDatabaseNameUseCase;
import dev.wharf.application.port.in.warehouse.DeprovisionWarehouseUseCase;
import dev.wharf.application.port.in.warehouse.GetWarehouseStatusUseCase;
import dev.wharf.application.port.in.warehouse.ProvisionWarehouseCommand;
import dev.wharf.application.port.in.warehouse.ProvisionWarehouseUseCase;
import dev.wharf.application.port.in.warehouse.ResetWarehousePasswordUseCase;
import dev.wharf.application.port.in.warehouse.WarehouseQuery;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The managed-warehouse endpoints under {@code /api/projects/{id}/data_warehouse/} and its alias {@code
 * /api/environments/{id}/data_warehouse/}, with or without a trailing slash.
 */
@Path("/api/{scope: projects|environments}/{project_id}/data_warehouse")
@Produces(MediaType.APPLICATION_JSON)
public final class WarehouseResource {
    private final GetWarehouseStatusUseCase status;
    private final ProvisionWarehouseUseCase provision;
    private final DeprovisionWarehouseUseCase deprovision;
    private final CheckDatabaseNameUseCase checkName;
    private final ResetWarehousePasswordUseCase resetPassword;

    public WarehouseResource(
            GetWarehouseStatusUseCase status,
            ProvisionWarehouseUseCase provision,
            DeprovisionWarehouseUseCase deprovision,
            CheckDatabaseNameUseCase checkName,
            ResetWarehousePasswordUseCase resetPassword) {
        this.status = status;
        this.provision = provision;
        this.deprovision = deprovision;
        this.checkName = checkName;
        this.resetPassword = resetPassword;
    }

    @GET
    @Path("/warehouse_status{slash: /?}")
    public WarehouseStatusResponse status(@Auth ActorPrincipal caller, @PathParam("project_id") String project) {
        return WarehouseStatusResponse.of(status.status(query(caller, project)));
    }

    @POST
    @Path("/provision{slash: /?}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response provision(
            @Auth ActorPrincipal caller, @PathParam("project_id") String project, ProvisionRequest request) {
        WarehouseQuery query = query(caller, project);
        String name = request == null ? null : request.databaseName();
        provision.provision(new ProvisionWarehouseCommand(query.actor(), query.projectId(), name));
        return Response.accepted(new LifecycleResponse(
                        "provisioning started", query.projectId().toString()))
                .build();
    }

    @POST
    @Path("/deprovision{slash: /?}")
    public Response deprovision(@Auth ActorPrincipal caller, @PathParam("project_id") String project) {
        WarehouseQuery query = query(caller, project);
        deprovision.deprovision(query);
        return Response.accepted(new LifecycleResponse(
                        "deprovisioning started", query.projectId().toString()))
                .build();
    }

    @GET
    @Path("/check-database-name{slash: /?}")
    public NameCheckResponse checkName(
            @Auth ActorPrincipal caller, @PathParam("project_id") String project, @QueryParam("name") String name) {
        WarehouseQuery query = query(caller, project);
        return NameCheckResponse.of(
                checkName.check(new CheckDatabaseNameQuery(query.actor(), query.projectId(), name)));
    }

    @POST
    @Path("/reset-password{slash: /?}")
    public Response resetPassword(@Auth ActorPrincipal caller, @PathParam("project_id") String project) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(PasswordResetResponse.of(resetPassword.reset(query(caller, project))))
                .cacheControl(noStore)
                .build();
    }

    private static WarehouseQuery query(ActorPrincipal caller, String project) {
        return new WarehouseQuery(caller.actor(), ProjectIds.parse(project));
    }
}
