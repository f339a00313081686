package dev.wharf.application.port.in.account;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.shared.Require;

/**
 * A request for a page of the projects the caller reaches, with {@code limit} and {@code offset} as the client sent
 * them (null when absent): the service reads them as every list does.
 */
public record ProjectListQuery(Actor actor, String limit, String offset) {
    public ProjectListQuery {
        Require.nonNull(actor, "actor");
    }
}
