package dev.wharf.application.port.in.auth;

import dev.wharf.domain.project.Scope;

/** The key lacks the scope an action needs (HTTP 403 in PostHog's error shape). */
public final class MissingScopeException extends AccessDeniedException {
    private final Scope scope;

    public MissingScopeException(Scope scope) {
        super("API key missing required scope '" + scope.wireName() + "'");
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }
}
