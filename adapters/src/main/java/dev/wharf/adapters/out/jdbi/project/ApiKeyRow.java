package dev.wharf.adapters.out.jdbi.project;

import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** A personal_api_key row; its project limits live in their own table. */
record ApiKeyRow(
        UUID id,
        UUID userId,
        String label,
        String secretDigest,
        String mask,
        String scopes,
        Instant createdAt,
        Instant revokedAt) {

    static String scopesColumn(ApiKey key) {
        return key.scopes().stream().map(Scope::wireName).sorted().collect(Collectors.joining(" "));
    }

    ApiKey toDomain(List<Long> projects) {
        return new ApiKey(
                new ApiKeyId(id),
                new UserId(userId),
                label,
                secretDigest,
                mask,
                Arrays.stream(scopes.split(" ")).map(Scope::fromWireName).collect(Collectors.toSet()),
                projects.stream().map(ProjectId::of).collect(Collectors.toSet()),
                createdAt,
                revokedAt);
    }
}
