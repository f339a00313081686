package dev.wharf.domain.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.shared.RuleViolationException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyHashingSecret HASHING = KeyHashingSecrets.random();
    private static final Instant NOW = Instant.parse("2025-04-01T00:00:00Z");
    private static final ProjectId ONE = ProjectId.of(1);
    private static final ProjectId TWO = ProjectId.of(2);

    private static ApiKey key(ApiKeySecret secret, Set<Scope> scopes, Set<ProjectId> projects) {
        return ApiKey.issue(ApiKeyId.random(), UserId.random(), "ci", secret, HASHING, scopes, projects, NOW);
    }

    private static ApiKey key(Set<Scope> scopes, Set<ProjectId> projects) {
        return key(ApiKeySecret.generate(RANDOM), scopes, projects);
    }

    @Test
    void aKeyGrantsWhatAnyOfItsScopesCovers() {
        for (Set<Scope> held : nonEmptySubsets()) {
            ApiKey key = key(held, Set.of());
            for (Scope required : Scope.values()) {
                boolean expected =
                        held.stream().anyMatch(s -> ScopeTest.COVERS.get(s).contains(required));
                assertThat(key.grants(required))
                        .as("%s grants %s", held, required)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void aKeyWithNoProjectsReachesEveryProject() {
        ApiKey key = key(Set.of(Scope.WAREHOUSE_VIEW_READ), Set.of());

        assertThat(key.reaches(ONE)).isTrue();
        assertThat(key.reaches(ProjectId.of(Long.MAX_VALUE))).isTrue();
    }

    @Test
    void aMissingProjectSetMeansEveryProject() {
        ApiKey key = key(Set.of(Scope.WAREHOUSE_VIEW_READ), null);

        assertThat(key.projects()).isEmpty();
        assertThat(key.reaches(TWO)).isTrue();
    }

    @Test
    void aKeyLimitedToProjectsReachesOnlyThose() {
        ApiKey key = key(Set.of(Scope.ALL), Set.of(ONE));

        assertThat(key.reaches(ONE)).isTrue();
        assertThat(key.reaches(TWO)).isFalse();
    }

    @Test
    void aKeyMatchesOnlyItsOwnSecret() {
        ApiKeySecret secret = ApiKeySecret.generate(RANDOM);
        ApiKey key = key(secret, Set.of(Scope.ALL), Set.of());

        assertThat(key.matches(secret.digest(HASHING))).isTrue();
        assertThat(key.matches(ApiKeySecret.parse(secret.reveal()).digest(HASHING)))
                .isTrue();
        for (int i = 0; i < 200; i++) {
            assertThat(key.matches(ApiKeySecret.generate(RANDOM).digest(HASHING)))
                    .isFalse();
        }
        String reveal = secret.reveal();
        char last = reveal.charAt(reveal.length() - 1);
        String oneCharOff = reveal.substring(0, reveal.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(key.matches(ApiKeySecret.parse(oneCharOff).digest(HASHING))).isFalse();
        assertThat(key.matches(secret.digest(KeyHashingSecrets.random())))
                .as("the same secret under another server's hashing secret")
                .isFalse();
        assertThat(key.matches(secret.plainSha256())).as("the plain SHA-256").isFalse();
        assertThat(key.matches(null)).isFalse();
    }

    @Test
    void anIssuedKeyKeepsTheDigestAndMaskButNotTheSecretNorItsPlainHash() {
        ApiKeySecret secret = ApiKeySecret.generate(RANDOM);

        ApiKey key = key(secret, Set.of(Scope.ALL), Set.of());

        assertThat(key.secretDigest()).isEqualTo(secret.digest(HASHING)).isNotEqualTo(secret.plainSha256());
        assertThat(key.mask()).isEqualTo(secret.mask());
        assertThat(key.toString()).doesNotContain(secret.reveal());
    }

    @Test
    void aKeyNeedsAtLeastOneScope() {
        assertThatThrownBy(() -> key(Set.of(), Set.of())).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> key(null, Set.of())).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aKeyIsStoredOnlyAsALowerCaseHexDigest() {
        ApiKeySecret secret = ApiKeySecret.generate(RANDOM);

        assertThatThrownBy(() -> new ApiKey(
                        ApiKeyId.random(), UserId.random(), "ci", secret.reveal(), "m", Set.of(Scope.ALL), null, NOW))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> new ApiKey(
                        ApiKeyId.random(),
                        UserId.random(),
                        "ci",
                        secret.digest(HASHING).toUpperCase(Locale.ROOT),
                        "m",
                        Set.of(Scope.ALL),
                        null,
                        NOW))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void labelsAreTrimmedAndRequired() {
        ApiKeySecret secret = ApiKeySecret.generate(RANDOM);

        ApiKey key = ApiKey.issue(
                ApiKeyId.random(), UserId.random(), "  ci  ", secret, HASHING, Set.of(Scope.ALL), null, NOW);

        assertThat(key.label()).isEqualTo("ci");
        assertThatThrownBy(() -> ApiKey.issue(
                        ApiKeyId.random(), UserId.random(), " ", secret, HASHING, Set.of(Scope.ALL), null, NOW))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aKeyDoesNotChangeWhenTheSetsItWasGivenDo() {
        Set<Scope> scopes = new HashSet<>(Set.of(Scope.WAREHOUSE_VIEW_READ));
        Set<ProjectId> projects = new HashSet<>(Set.of(ONE));
        ApiKey key = key(scopes, projects);

        scopes.add(Scope.ALL);
        projects.add(TWO);

        assertThat(key.grants(Scope.WAREHOUSE_JOBS_WRITE)).isFalse();
        assertThat(key.reaches(TWO)).isFalse();
        assertThatThrownBy(() -> key.scopes().add(Scope.ALL)).isInstanceOf(UnsupportedOperationException.class);
    }

    private static Set<Set<Scope>> nonEmptySubsets() {
        Scope[] all = Scope.values();
        Set<Set<Scope>> subsets = new HashSet<>();
        for (int mask = 1; mask < (1 << all.length); mask++) {
            Set<Scope> subset = EnumSet.noneOf(Scope.class);
            for (int i = 0; i < all.length; i++) {
                if ((mask & (1 << i)) != 0) {
                    subset.add(all[i]);
                }
            }
            subsets.add(subset);
        }
        return subsets;
    }

    @Test
    void aRevokedKeyKeepsEverythingElseAndIsRevokedOnce() {
        ApiKey key = key(Set.of(Scope.ALL), Set.of(ONE));
        assertThat(key.isRevoked()).isFalse();

        ApiKey revoked = key.revoke(NOW.plusSeconds(60));

        assertThat(revoked.isRevoked()).isTrue();
        assertThat(revoked.revokedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(revoked.id()).isEqualTo(key.id());
        assertThat(revoked.secretDigest()).isEqualTo(key.secretDigest());
        assertThatThrownBy(() -> revoked.revoke(NOW.plusSeconds(120)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already revoked");
    }

    @Test
    void aKeyCannotBeRevokedBeforeItWasCreated() {
        ApiKey key = key(Set.of(Scope.ALL), Set.of());

        assertThatThrownBy(() -> key.revoke(NOW.minusSeconds(1))).isInstanceOf(RuleViolationException.class);
    }
}
