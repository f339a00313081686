package dev.wharf.application.port.in.dev;

import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.shared.Require;

/** The dev key to make usable: the operator's, the one kept from the last start, or a new one. */
public record SetUpDevEnvironmentCommand(ApiKeySecret apiKey) {
    public SetUpDevEnvironmentCommand {
        Require.nonNull(apiKey, "apiKey");
    }
}
