package dev.wharf.domain.project;

import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.shared.Require;
import dev.wharf.domain.shared.RuleViolationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Set;

/**
 * A personal API key of a user, known to Wharf only by the digest of its secret ({@link ApiKeySecret#digest}: an
 * HMAC-SHA256 under the server's key-hashing secret, 64 lower-case hex digits). Its scopes bound what it may do; when
 * {@code projects} is not empty it may touch only those projects. A revoked key ({@code revokedAt} set) is kept for the
 * record but never authenticates again; revocation cannot be undone.
 */
public record ApiKey(
        ApiKeyId id,
        UserId userId,
        String label,
        String secretDigest,
        String mask,
        Set<Scope> scopes,
        Set<ProjectId> projects,
        Instant createdAt,
        Instant revokedAt) {

    public ApiKey {
        Require.nonNull(id, "id");
        Require.nonNull(userId, "userId");
        Require.nonNull(createdAt, "createdAt");
        label = Names.requireName(label, "API key label", 100);
        if (secretDigest == null || !secretDigest.matches("^[0-9a-f]{64}$")) {
            throw new RuleViolationException("an API key is stored as a digest of 64 lower-case hex digits");
        }
        Require.nonNull(mask, "mask");
        if (scopes == null || scopes.isEmpty()) {
            throw new RuleViolationException("an API key needs at least one scope");
        }
        scopes = Set.copyOf(scopes);
        projects = projects == null ? Set.of() : Set.copyOf(projects);
        if (revokedAt != null && revokedAt.isBefore(createdAt)) {
            throw new RuleViolationException("an API key cannot be revoked before it was created");
        }
    }

    /** A key that is not revoked. */
    public ApiKey(
            ApiKeyId id,
            UserId userId,
            String label,
            String secretDigest,
            String mask,
            Set<Scope> scopes,
            Set<ProjectId> projects,
            Instant createdAt) {
        this(id, userId, label, secretDigest, mask, scopes, projects, createdAt, null);
    }

    /** A new key for {@code secret}, kept by its digest under {@code hashing}; the secret itself is not kept. */
    public static ApiKey issue(
            ApiKeyId id,
            UserId userId,
            String label,
            ApiKeySecret secret,
            KeyHashingSecret hashing,
            Set<Scope> scopes,
            Set<ProjectId> projects,
            Instant now) {
        return new ApiKey(id, userId, label, secret.digest(hashing), secret.mask(), scopes, projects, now);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** This key, revoked at {@code now}; a key is revoked once. */
    public ApiKey revoke(Instant now) {
        if (isRevoked()) {
            throw new ConflictException("API key " + id + " was already revoked at " + revokedAt);
        }
        return new ApiKey(id, userId, label, secretDigest, mask, scopes, projects, createdAt, now);
    }

    public boolean grants(Scope required) {
        return scopes.stream().anyMatch(scope -> scope.covers(required));
    }

    public boolean reaches(ProjectId project) {
        return projects.isEmpty() || projects.contains(project);
    }

    /** Whether {@code digest} (of a presented secret, {@link ApiKeySecret#digest}) is this key's, in constant time. */
    public boolean matches(String digest) {
        return digest != null
                && MessageDigest.isEqual(
                        secretDigest.getBytes(StandardCharsets.US_ASCII), digest.getBytes(StandardCharsets.US_ASCII));
    }

    /** Leaves the digest out: a log is no place for what identifies a key. */
    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", userId=" + userId + ", label=" + label + ", mask=" + mask + ", scopes=" + scopes
                + ", projects=" + projects + ", createdAt=" + createdAt + ", revokedAt=" + revokedAt + "]";
    }
}
