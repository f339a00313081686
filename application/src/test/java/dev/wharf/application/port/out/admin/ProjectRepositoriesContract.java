package dev.wharf.application.port.out.admin;

import static dev.wharf.application.port.out.PersistenceFixture.HASHING;
import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static dev.wharf.application.port.out.PersistenceFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.port.out.FixtureContract;
import dev.wharf.application.port.out.auth.ApiKeyRepository;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.Organization;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import dev.wharf.domain.project.UserId;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the {@link OrganizationRepository}, {@link ProjectRepository}, {@link UserRepository} and
 * {@link ApiKeyRepository} of one store do together.
 */
public abstract class ProjectRepositoriesContract extends FixtureContract {

    @Test
    void organizationsAndProjectsReadBackEqual() {
        Project project = store.givenProject(42);

        assertThat(store.projects().findById(ProjectId.of(42))).contains(project);
        assertThat(store.organizations().findById(project.organizationId())).isPresent();
        assertThat(store.organizations().findById(OrganizationId.random())).isEmpty();
        assertThat(store.projects().findById(ProjectId.of(43))).isEmpty();
    }

    @Test
    void aProjectKeepsItsTimeZone() {
        Project first = store.givenProject(1);
        Project tokyo = new Project(ProjectId.of(2), first.organizationId(), "Tokyo", ZoneId.of("Asia/Tokyo"), T0);
        store.projects().insert(tokyo);

        assertThat(store.projects().findById(ProjectId.of(2)).orElseThrow().timeZone())
                .isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void usersAreFoundByIdAndByEmailInAnyCase() {
        User user = store.givenUser("Someone@Example.com");

        assertThat(store.users().findById(user.id())).contains(user);
        assertThat(store.users().findByEmail("SOMEONE@example.COM")).contains(user);
        assertThat(store.users().findByEmail("other@example.com")).isEmpty();
    }

    @Test
    void anEmailBelongsToOneUser() {
        store.givenUser("someone@example.com");

        assertThatThrownBy(() -> store.givenUser("someone@example.com")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aMembershipIsAddedThenItsRoleChanged() {
        Project project = store.givenProject(1);
        User user = store.givenUser("someone@example.com");
        OrganizationId org = project.organizationId();

        store.organizations().saveMembership(new Membership(org, user.id(), OrganizationRole.MEMBER, T0));
        assertThat(store.organizations()
                        .findMembership(org, user.id())
                        .orElseThrow()
                        .role())
                .isEqualTo(OrganizationRole.MEMBER);

        store.organizations().saveMembership(new Membership(org, user.id(), OrganizationRole.ADMIN, T0));
        assertThat(store.organizations()
                        .findMembership(org, user.id())
                        .orElseThrow()
                        .role())
                .isEqualTo(OrganizationRole.ADMIN);
        assertThat(store.organizations().findMembership(OrganizationId.random(), user.id()))
                .isEmpty();
    }

    @Test
    void anApiKeyIsFoundByItsDigestWithItsScopesAndProjects() {
        store.givenProject(1);
        store.givenProject(2);
        User user = store.givenUser("someone@example.com");
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        ApiKey key = ApiKey.issue(
                ApiKeyId.random(),
                user.id(),
                "ci",
                secret,
                HASHING,
                EnumSet.of(Scope.WAREHOUSE_VIEW_WRITE, Scope.WAREHOUSE_JOBS_WRITE),
                Set.of(ProjectId.of(1), ProjectId.of(2)),
                T0);
        store.apiKeys().insert(key);

        assertThat(store.apiKeys().findBySecretDigest(secret.digest(HASHING))).contains(key);
        assertThat(store.apiKeys().findById(key.id())).contains(key);
        assertThat(store.apiKeys().findByUser(user.id())).containsExactly(key);
        assertThat(store.apiKeys().findBySecretDigest("0".repeat(64))).isEmpty();
    }

    @Test
    void anApiKeyIsStoredWithoutItsSecret() {
        User user = store.givenUser("someone@example.com");
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        ApiKey key =
                ApiKey.issue(ApiKeyId.random(), user.id(), "all", secret, HASHING, Set.of(Scope.ALL), Set.of(), T0);
        store.apiKeys().insert(key);

        ApiKey read = store.apiKeys().findById(key.id()).orElseThrow();
        assertThat(read.toString()).doesNotContain(secret.reveal());
        assertThat(read.projects()).isEmpty();
        assertThat(read.matches(secret.digest(HASHING))).isTrue();
    }

    @Test
    void organizationsAreListedOldestFirst() {
        Organization later = new Organization(OrganizationId.random(), "Later", at(10));
        Organization earlier = new Organization(OrganizationId.random(), "Earlier", at(5));
        store.organizations().insert(later);
        store.organizations().insert(earlier);

        assertThat(store.organizations().findAll()).containsExactly(earlier, later);
    }

    @Test
    void projectsAreListedByIdAllOrByOrganization() {
        Project seven = store.givenProject(7);
        Project three = store.givenProject(3);
        Project four = new Project(ProjectId.of(4), seven.organizationId(), "Four", ZoneOffset.UTC, T0);
        store.projects().insert(four);

        assertThat(store.projects().findAll()).containsExactly(three, four, seven);
        assertThat(store.projects().findByOrganization(seven.organizationId())).containsExactly(four, seven);
        assertThat(store.projects().findByOrganization(OrganizationId.random())).isEmpty();
    }

    @Test
    void theNextFreeProjectIdIsOneMoreThanTheHighest() {
        assertThat(store.projects().nextFreeId()).isEqualTo(ProjectId.of(1));

        store.givenProject(5);
        store.givenProject(2);

        assertThat(store.projects().nextFreeId()).isEqualTo(ProjectId.of(6));
    }

    @Test
    void usersAreListedByEmail() {
        User carol = store.givenUser("carol@example.com");
        User alice = store.givenUser("alice@example.com");
        User bob = store.givenUser("bob@example.com");

        assertThat(store.users().findAll()).containsExactly(alice, bob, carol);
    }

    @Test
    void aUsersMembershipsAreListedInTheOrderTheyJoined() {
        Project first = store.givenProject(1);
        Project second = store.givenProject(2);
        User user = store.givenUser("someone@example.com");
        User other = store.givenUser("other@example.com");
        Membership later = new Membership(first.organizationId(), user.id(), OrganizationRole.OWNER, at(20));
        Membership earlier = new Membership(second.organizationId(), user.id(), OrganizationRole.MEMBER, at(10));
        store.organizations().saveMembership(later);
        store.organizations().saveMembership(earlier);
        store.organizations()
                .saveMembership(new Membership(first.organizationId(), other.id(), OrganizationRole.ADMIN, T0));

        assertThat(store.organizations().findMembershipsOfUser(user.id())).containsExactly(earlier, later);
        assertThat(store.organizations().findMembershipsOfUser(UserId.random())).isEmpty();
    }

    @Test
    void aRevokedKeyIsNoLongerFoundByItsSecretButIsStillListed() {
        store.givenProject(1);
        User user = store.givenUser("someone@example.com");
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        ApiKey key = ApiKey.issue(
                ApiKeyId.random(), user.id(), "ci", secret, HASHING, Set.of(Scope.ALL), Set.of(ProjectId.of(1)), T0);
        store.apiKeys().insert(key);

        assertThat(store.apiKeys().revoke(key.id(), at(30))).isTrue();

        ApiKey revoked = key.revoke(at(30));
        assertThat(store.apiKeys().findBySecretDigest(secret.digest(HASHING))).isEmpty();
        assertThat(store.apiKeys().findById(key.id())).contains(revoked);
        assertThat(store.apiKeys().findByUser(user.id())).containsExactly(revoked);
        assertThat(store.apiKeys().findAll()).containsExactly(revoked);
    }

    @Test
    void aKeyIsRevokedOnceAndAnUnknownKeyNotAtAll() {
        User user = store.givenUser("someone@example.com");
        ApiKey key = ApiKey.issue(
                ApiKeyId.random(),
                user.id(),
                "ci",
                ApiKeySecret.generate(new SecureRandom()),
                HASHING,
                Set.of(Scope.ALL),
                Set.of(),
                T0);
        store.apiKeys().insert(key);
        store.apiKeys().revoke(key.id(), at(30));

        assertThat(store.apiKeys().revoke(key.id(), at(60))).isFalse();
        assertThat(store.apiKeys().findById(key.id()).orElseThrow().revokedAt()).isEqualTo(at(30));
        assertThat(store.apiKeys().revoke(ApiKeyId.random(), at(60))).isFalse();
    }

    @Test
    void theDigestOfARevokedKeyIsNeverIssuedAgain() {
        User user = store.givenUser("someone@example.com");
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        ApiKey key = ApiKey.issue(ApiKeyId.random(), user.id(), "ci", secret, HASHING, Set.of(Scope.ALL), Set.of(), T0);
        store.apiKeys().insert(key);
        store.apiKeys().revoke(key.id(), at(30));

        ApiKey again =
                ApiKey.issue(ApiKeyId.random(), user.id(), "again", secret, HASHING, Set.of(Scope.ALL), Set.of(), T0);
        assertThatThrownBy(() -> store.apiKeys().insert(again)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void allKeysAreListedOldestFirst() {
        User alice = store.givenUser("alice@example.com");
        User bob = store.givenUser("bob@example.com");
        ApiKey later = ApiKey.issue(
                ApiKeyId.random(),
                alice.id(),
                "later",
                ApiKeySecret.generate(new SecureRandom()),
                HASHING,
                Set.of(Scope.ALL),
                Set.of(),
                at(20));
        ApiKey earlier = ApiKey.issue(
                ApiKeyId.random(),
                bob.id(),
                "earlier",
                ApiKeySecret.generate(new SecureRandom()),
                HASHING,
                Set.of(Scope.WAREHOUSE_VIEW_READ),
                Set.of(),
                at(10));
        store.apiKeys().insert(later);
        store.apiKeys().insert(earlier);

        assertThat(store.apiKeys().findAll()).containsExactly(earlier, later);
    }
}
