package dev.wharf.application.port.in.admin;

import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.shared.Require;

/**
 * A key just issued: the only time its plaintext exists outside the client that holds it. Show {@code secret} once;
 * Wharf keeps only its digest and cannot show it again.
 */
public record IssuedApiKey(ApiKeySummary key, ApiKeySecret secret) {
    public IssuedApiKey {
        Require.nonNull(key, "key");
        Require.nonNull(secret, "secret");
    }
}
