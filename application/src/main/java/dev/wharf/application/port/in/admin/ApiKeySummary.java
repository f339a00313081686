package dev.wharf.application.port.in.admin;

import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.UserId;
import dev.wharf.domain.shared.Require;
import java.time.Instant;
import java.util.Set;

/**
 * What an operator may see of a key: everything but its secret and the digest of it (what identifies the key in
 * the store has no business in a list). {@code revokedAt} is null while the key works.
 */
public record ApiKeySummary(
        ApiKeyId id,
        UserId userId,
        String email,
        String label,
        String mask,
        Set<Scope> scopes,
        Set<ProjectId> projects,
        Instant createdAt,
        Instant revokedAt) {

    public ApiKeySummary {
        Require.nonNull(id, "id");
        scopes = Set.copyOf(scopes);
        projects = Set.copyOf(projects);
    }

    public static ApiKeySummary of(ApiKey key, String email) {
        return new ApiKeySummary(
                key.id(),
                key.userId(),
                email,
                key.label(),
                key.mask(),
                key.scopes(),
                key.projects(),
                key.createdAt(),
                key.revokedAt());
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
