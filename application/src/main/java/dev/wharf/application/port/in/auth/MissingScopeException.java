package dev.wharf.application.port.in.auth;

import dev.wharf.domain.project.Scope;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The key lacks the scope an action needs, or every one of the scopes that would each be enough (HTTP 403 in
 * PostHog's error shape).
 */
public final class MissingScopeException extends AccessDeniedException {
    private final List<Scope> anyOf;

    public MissingScopeException(Scope scope) {
        this(List.of(scope));
    }

    /** {@code anyOf}: the scopes of which any one would have been enough, in the order the message names them. */
    public MissingScopeException(List<Scope> anyOf) {
        super("API key missing required scope "
                + anyOf.stream().map(s -> "'" + s.wireName() + "'").collect(Collectors.joining(" or ")));
        this.anyOf = List.copyOf(anyOf);
    }

    public List<Scope> anyOf() {
        return anyOf;
    }
}
