package dev.wharf.application.port.in.account;

import dev.wharf.application.port.in.auth.Actor;

/** Who a personal API key belongs to, and what the key is, as PostHog's {@code GET /api/users/@me/} tells. */
public interface CurrentUser {
    /** The caller's user, the organizations the key lets it act in, and the key itself (never its secret). */
    CallerProfile describe(Actor actor);
}
