package dev.wharf.adapters.in.rest.webhook;

import dev.wharf.adapters.in.rest.ProjectIds;
import dev.wharf.adapters.in.rest.auth.ActorPrincipal;
import dev.wharf.application.port.in.webhook.CreateWebhookCommand;
import dev.wharf.application.port.in.webhook.WebhookCommand;
import dev.wharf.application.port.in.webhook.WebhookListQuery;
import dev.wharf.application.port.in.webhook.Webhooks;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
 * A project's webhooks under {@code /api/projects/{id}/data_warehouse/webhooks/} and its {@code /api/environments/}
 * alias, with or without a trailing slash. The answers that show a signing secret are never cached.
 */
@Path("/api/{scope: projects|environments}/{project_id}/data_warehouse")
@Produces(MediaType.APPLICATION_JSON)
public final class WebhookResource {
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final Webhooks webhooks;

    public WebhookResource(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Path("/webhooks{slash: /?}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(
            @Auth ActorPrincipal caller, @PathParam("project_id") String project, CreateWebhookRequest request) {
        CreateWebhookRequest body = request == null ? new CreateWebhookRequest(null, null, null) : request;
        var created = webhooks.create(new CreateWebhookCommand(
                caller.actor(), ProjectIds.parse(project), body.url(), body.events(), body.description()));
        return Response.status(201)
                .cacheControl(NO_STORE)
                .entity(WebhookResponse.withSecret(created.subscription()))
                .build();
    }

    @GET
    @Path("/webhooks{slash: /?}")
    public WebhookPageResponse<WebhookResponse> list(
            @Auth ActorPrincipal caller,
            @PathParam("project_id") String project,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        return WebhookPageResponse.of(
                webhooks.list(new WebhookListQuery(caller.actor(), ProjectIds.parse(project), null, limit, offset)),
                WebhookResponse::of);
    }

    @DELETE
    @Path("/webhooks/{webhook_id}{slash: /?}")
    public Response delete(
            @Auth ActorPrincipal caller,
            @PathParam("project_id") String project,
            @PathParam("webhook_id") String webhook) {
        webhooks.delete(new WebhookCommand(caller.actor(), ProjectIds.parse(project), webhook));
        return Response.noContent().build();
    }

    @POST
    @Path("/webhooks/{webhook_id}/test{slash: /?}")
    public Response test(
            @Auth ActorPrincipal caller,
            @PathParam("project_id") String project,
            @PathParam("webhook_id") String webhook) {
        var delivery = webhooks.test(new WebhookCommand(caller.actor(), ProjectIds.parse(project), webhook));
        return Response.status(202).entity(DeliveryResponse.of(delivery)).build();
    }

    @GET
    @Path("/webhooks/{webhook_id}/deliveries{slash: /?}")
    public WebhookPageResponse<DeliveryResponse> deliveries(
            @Auth ActorPrincipal caller,
            @PathParam("project_id") String project,
            @PathParam("webhook_id") String webhook,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        return WebhookPageResponse.of(
                webhooks.deliveries(
                        new WebhookListQuery(caller.actor(), ProjectIds.parse(project), webhook, limit, offset)),
                DeliveryResponse::of);
    }

    @POST
    @Path("/webhooks/{webhook_id}/rotate-secret{slash: /?}")
    public Response rotateSecret(
            @Auth ActorPrincipal caller,
            @PathParam("project_id") String project,
            @PathParam("webhook_id") String webhook) {
        var rotated = webhooks.rotateSecret(new WebhookCommand(caller.actor(), ProjectIds.parse(project), webhook));
        return Response.ok(WebhookResponse.withSecret(rotated.subscription()))
                .cacheControl(NO_STORE)
                .build();
    }

    @POST
    @Path("/webhooks/{webhook_id}/enable{slash: /?}")
    public WebhookResponse enable(
            @Auth ActorPrincipal caller,
            @PathParam("project_id") String project,
            @PathParam("webhook_id") String webhook) {
        return WebhookResponse.of(
                webhooks.enable(new WebhookCommand(caller.actor(), ProjectIds.parse(project), webhook)));
    }
}
