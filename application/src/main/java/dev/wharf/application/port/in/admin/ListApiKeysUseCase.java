package dev.wharf.application.port.in.admin;

import java.util.List;

/** Keys, revoked ones included, oldest first; never a secret or its digest. */
public interface ListApiKeysUseCase {
    List<ApiKeySummary> listApiKeys(ListApiKeysQuery query);
}
