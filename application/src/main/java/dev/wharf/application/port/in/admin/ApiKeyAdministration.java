package dev.wharf.application.port.in.admin;

import java.util.List;

/** The personal API keys an operator lists and revokes. */
public interface ApiKeyAdministration {
    /** Keys, revoked ones included, oldest first; never a secret or its digest. */
    List<ApiKeySummary> listApiKeys(ListApiKeysQuery query);

    /** An operator revokes a key: from then on it authenticates nothing. A key is revoked once; it cannot be restored. */
    ApiKeySummary revokeApiKey(RevokeApiKeyCommand command);
}
