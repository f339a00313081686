package dev.wharf.adapters.in.rest.auth;

import dev.wharf.application.port.in.auth.Actor;
import java.security.Principal;

/** The authenticated caller as Dropwizard's auth sees it; its name is the key's id, never the key. */
public record ActorPrincipal(Actor actor) implements Principal {
    @Override
    public String getName() {
        return actor.apiKeyId().toString();
    }
}
