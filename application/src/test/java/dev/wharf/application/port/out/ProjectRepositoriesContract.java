package dev.wharf.application.port.out;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import java.security.SecureRandom;
import java.time.ZoneId;
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
    void anApiKeyIsFoundByItsHashWithItsScopesAndProjects() {
        store.givenProject(1);
        store.givenProject(2);
        User user = store.givenUser("someone@example.com");
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        ApiKey key = ApiKey.issue(
                ApiKeyId.random(),
                user.id(),
                "ci",
                secret,
                EnumSet.of(Scope.WAREHOUSE_VIEW_WRITE, Scope.WAREHOUSE_JOBS_WRITE),
                Set.of(ProjectId.of(1), ProjectId.of(2)),
                T0);
        store.apiKeys().insert(key);

        assertThat(store.apiKeys().findBySecretHash(secret.hash())).contains(key);
        assertThat(store.apiKeys().findById(key.id())).contains(key);
        assertThat(store.apiKeys().findByUser(user.id())).containsExactly(key);
        assertThat(store.apiKeys().findBySecretHash("0".repeat(64))).isEmpty();
    }

    @Test
    void anApiKeyIsStoredWithoutItsSecret() {
        User user = store.givenUser("someone@example.com");
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        ApiKey key = ApiKey.issue(ApiKeyId.random(), user.id(), "all", secret, Set.of(Scope.ALL), Set.of(), T0);
        store.apiKeys().insert(key);

        ApiKey read = store.apiKeys().findById(key.id()).orElseThrow();
        assertThat(read.toString()).doesNotContain(secret.reveal());
        assertThat(read.projects()).isEmpty();
        assertThat(read.matches(secret)).isTrue();
    }
}
