package dev.wharf.domain.audit;

import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.UserId;
import dev.wharf.domain.shared.Require;
import dev.wharf.domain.shared.Texts;
import java.time.Instant;
import java.util.UUID;

/**
 * One audited request: when, who (the user and the id of the API key they used, never the key or its hash), on which
 * project, which action, and how it ended. {@code detail} says why it did not succeed, in words safe to show the
 * organization's admins (cut to {@value #MAX_DETAIL} characters); it is null for a success and a throttled request.
 * An entry is written once and never changes.
 */
public record AuditEntry(
        UUID id,
        Instant occurredAt,
        UserId userId,
        ApiKeyId apiKeyId,
        ProjectId projectId,
        AuditAction action,
        AuditOutcome outcome,
        String detail) {
    public static final int MAX_DETAIL = 500;

    public AuditEntry {
        Require.nonNull(id, "id");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(userId, "userId");
        Require.nonNull(apiKeyId, "apiKeyId");
        Require.nonNull(projectId, "projectId");
        Require.nonNull(action, "action");
        Require.nonNull(outcome, "outcome");
        detail = Texts.truncate(detail, MAX_DETAIL);
    }

    /** A new entry with a random id. */
    public static AuditEntry record(
            Instant occurredAt,
            UserId userId,
            ApiKeyId apiKeyId,
            ProjectId projectId,
            AuditAction action,
            AuditOutcome outcome,
            String detail) {
        return new AuditEntry(UUID.randomUUID(), occurredAt, userId, apiKeyId, projectId, action, outcome, detail);
    }
}
