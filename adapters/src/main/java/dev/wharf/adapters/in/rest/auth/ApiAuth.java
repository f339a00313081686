package dev.wharf.adapters.in.rest.auth;

import dev.wharf.application.port.in.auth.ApiKeyAuthentication;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.jersey.setup.JerseyEnvironment;

/** Registers bearer-key authentication for every resource method with an {@code @Auth ActorPrincipal}. */
public final class ApiAuth {
    private ApiAuth() {}

    public static void register(JerseyEnvironment jersey, ApiKeyAuthentication authenticate) {
        jersey.register(new AuthDynamicFeature(new OAuthCredentialAuthFilter.Builder<ActorPrincipal>()
                .setAuthenticator(new ApiKeyAuthenticator(authenticate))
                .setPrefix("Bearer")
                .setRealm("wharf")
                .setUnauthorizedHandler(new PostHogUnauthorizedHandler())
                .buildAuthFilter()));
        jersey.register(new AuthValueFactoryProvider.Binder<>(ActorPrincipal.class));
    }
}
