package dev.wharf.adapters.in.rest.account;

import dev.wharf.adapters.in.rest.auth.ActorPrincipal;
import dev.wharf.application.port.in.account.CurrentUser;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/users/@me/}, with or without the trailing slash: who the caller's key belongs to. {@code @me} is a
 * literal segment, not a parameter, so the request metric's endpoint label is this one template whatever is sent.
 */
@Path("/api/users/@me{slash: /?}")
@Produces(MediaType.APPLICATION_JSON)
public final class CurrentUserResource {
    private final CurrentUser currentUser;

    public CurrentUserResource(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GET
    public CurrentUserResponse me(@Auth ActorPrincipal caller) {
        return CurrentUserResponse.of(currentUser.describe(caller.actor()));
    }
}
