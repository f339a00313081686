package dev.wharf.application.port.in.admin;

import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.shared.Require;

/** The key to revoke, by its public id. */
public record RevokeApiKeyCommand(ApiKeyId id) {
    public RevokeApiKeyCommand {
        Require.nonNull(id, "id");
    }
}
