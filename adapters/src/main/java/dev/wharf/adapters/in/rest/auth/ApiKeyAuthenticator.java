package dev.wharf.adapters.in.rest.auth;

import dev.wharf.application.port.in.auth.ApiKeyAuthentication;
import io.dropwizard.auth.Authenticator;
import java.util.Optional;

/** Bearer {@code phx_…} personal API keys. */
public final class ApiKeyAuthenticator implements Authenticator<String, ActorPrincipal> {
    private final ApiKeyAuthentication authenticate;

    public ApiKeyAuthenticator(ApiKeyAuthentication authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public Optional<ActorPrincipal> authenticate(String presentedKey) {
        return authenticate.authenticate(presentedKey).map(ActorPrincipal::new);
    }
}
