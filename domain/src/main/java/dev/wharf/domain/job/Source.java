package dev.wharf.domain.job;

import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;
import dev.wharf.domain.shared.RuleViolationException;
import dev.wharf.domain.shared.Texts;
import java.time.Instant;

/**
 * An external data source of a project (Stripe, Postgres, …) whose schemas import jobs sync. Deleting a source is
 * soft: it leaves lists and breakdowns, but its jobs' rows stay counted. A source may have a {@link Freshness}: it is
 * late when no import of it completed within that window (counted from its creation until one has), and {@code
 * freshnessMissed} records that subscribers were told so, until they are told it is fresh again.
 */
public record Source(
        SourceId id,
        ProjectId projectId,
        String sourceType,
        String prefix,
        Instant createdAt,
        Instant deletedAt,
        Freshness freshness,
        Instant lastSyncedAt,
        boolean freshnessMissed) {
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

    /** A source without a freshness window that never synced. */
    public Source(
            SourceId id, ProjectId projectId, String sourceType, String prefix, Instant createdAt, Instant deletedAt) {
        this(id, projectId, sourceType, prefix, createdAt, deletedAt, null, null, false);
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
        return deletedAt != null
                ? this
                : new Source(
                        id, projectId, sourceType, prefix, createdAt, now, freshness, lastSyncedAt, freshnessMissed);
    }

    /** With this freshness window (null: none, and nothing missed). */
    public Source withFreshness(Freshness window) {
        return new Source(
                id,
                projectId,
                sourceType,
                prefix,
                createdAt,
                deletedAt,
                window,
                lastSyncedAt,
                window != null && freshnessMissed);
    }

    /** An import of it completed at {@code finishedAt}: the newest such time is kept. */
    public Source synced(Instant finishedAt) {
        Instant newest = lastSyncedAt == null || finishedAt.isAfter(lastSyncedAt) ? finishedAt : lastSyncedAt;
        return new Source(id, projectId, sourceType, prefix, createdAt, deletedAt, freshness, newest, freshnessMissed);
    }

    /** Subscribers were told it missed its window ({@code true}), or that it is fresh again. */
    public Source freshnessTold(boolean missed) {
        return new Source(id, projectId, sourceType, prefix, createdAt, deletedAt, freshness, lastSyncedAt, missed);
    }

    /** When it becomes late without another sync; null without a window. */
    public Instant freshnessDueAt() {
        if (freshness == null) return null;
        return (lastSyncedAt == null ? createdAt : lastSyncedAt).plus(freshness.window());
    }

    /** {@code fresh}, {@code late}, or null without a window. */
    public String freshnessStatus(Instant now) {
        if (freshness == null) return null;
        return isLate(now) ? "late" : "fresh";
    }

    public boolean isLate(Instant now) {
        return freshness != null && !now.isBefore(freshnessDueAt());
    }

    /** Whether subscribers have not yet been told how it stands at {@code now}. */
    public boolean freshnessToTell(Instant now) {
        return deletedAt == null && freshness != null && isLate(now) != freshnessMissed;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
