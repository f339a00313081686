package dev.wharf.application.port.in.admin;

/** An operator revokes a key: from then on it authenticates nothing. A key is revoked once; it cannot be restored. */
public interface RevokeApiKeyUseCase {
    ApiKeySummary revokeApiKey(RevokeApiKeyCommand command);
}
