package dev.wharf.domain.job;

import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;
import dev.wharf.domain.shared.RuleViolationException;
import dev.wharf.domain.shared.Texts;
import java.time.Instant;

/**
 * An external data source of a project (Stripe, Postgres, …) whose schemas import jobs sync. Deleting a source is
 * soft: it leaves lists and breakdowns, but its jobs' rows stay counted.
 */
public record Source(
        SourceId id, ProjectId projectId, String sourceType, String prefix, Instant createdAt, Instant deletedAt) {
    public static final int MAX_TYPE_LENGTH = 64;
    public static final int MAX_PREFIX_LENGTH = 100;

    public Source {
        Require.nonNull(id, "id");
        Require.nonNull(projectId, "projectId");
        Require.nonNull(createdAt, "createdAt");
        if (sourceType == null || sourceType.isBlank()) {
            throw new RuleViolationException("source_type is required");
        }
        if (sourceType.length() > MAX_TYPE_LENGTH) {
            throw new RuleViolationException("source_type must be at most " + MAX_TYPE_LENGTH + " characters");
        }
        if (prefix != null && prefix.length() > MAX_PREFIX_LENGTH) {
            throw new RuleViolationException("prefix must be at most " + MAX_PREFIX_LENGTH + " characters");
        }
    }

    /** A new source; its type and prefix are names, so they hold no control characters. */
    public static Source create(SourceId id, ProjectId projectId, String sourceType, String prefix, Instant now) {
        Source source = new Source(id, projectId, sourceType, prefix, now, null);
        if (Texts.hasControlCharacter(sourceType)) {
            throw new RuleViolationException("source_type must not contain control characters");
        }
        if (Texts.hasControlCharacter(prefix)) {
            throw new RuleViolationException("prefix must not contain control characters");
        }
        return source;
    }

    public Source delete(Instant now) {
        return deletedAt != null ? this : new Source(id, projectId, sourceType, prefix, createdAt, now);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
