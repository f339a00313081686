package dev.wharf.application.service.account;

import static dev.wharf.application.port.out.PersistenceFixture.HASHING;
import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static dev.wharf.application.port.out.PersistenceFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.port.in.account.CallerProfile;
import dev.wharf.application.port.in.account.MemberOrganization;
import dev.wharf.application.port.in.auth.Actor;
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
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/users/@me/} against in-memory fakes: the user joined organization B (a member, project 2), then A
 * (the owner, project 1); organization C (project 3) is someone else's.
 */
class CurrentUserServiceTest {
    private final InMemoryFixture store = new InMemoryFixture();
    private final CurrentUserService service =
            new CurrentUserService(store.users(), store.organizations(), store.projects(), store.apiKeys());
    private User user;
    private Organization a;
    private Organization b;

    @BeforeEach
    void givenTwoOrganizationsOfTheUserAndOneOfSomeoneElse() {
        user = store.givenUser("Someone@Example.com");
        a = organization("A", 1);
        b = organization("B", 2);
        organization("C", 3);
        store.organizations().saveMembership(new Membership(b.id(), user.id(), OrganizationRole.MEMBER, at(10)));
        store.organizations().saveMembership(new Membership(a.id(), user.id(), OrganizationRole.OWNER, at(20)));
    }

    private Organization organization(String name, long project) {
        Organization organization = new Organization(OrganizationId.random(), name, T0);
        store.organizations().insert(organization);
        store.projects()
                .insert(new Project(ProjectId.of(project), organization.id(), name + " project", ZoneOffset.UTC, T0));
        return organization;
    }

    private ApiKey issue(ApiKeySecret secret, Set<Scope> scopes, Set<ProjectId> projects) {
        ApiKey key = ApiKey.issue(ApiKeyId.random(), user.id(), "console", secret, HASHING, scopes, projects, at(30));
        store.apiKeys().insert(key);
        return key;
    }

    @Test
    void anyKeyLearnsItsUserItsOrganizationsInTheOrderJoinedAndItselfWithoutItsSecret() {
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        ApiKey key = issue(secret, Set.of(Scope.WAREHOUSE_JOBS_WRITE), Set.of());

        CallerProfile profile = service.describe(Actor.of(key));

        assertThat(profile.user()).isEqualTo(user);
        assertThat(profile.user().email()).isEqualTo("someone@example.com");
        assertThat(profile.organizations())
                .containsExactly(
                        new MemberOrganization(b, OrganizationRole.MEMBER),
                        new MemberOrganization(a, OrganizationRole.OWNER));
        assertThat(profile.key().id()).isEqualTo(key.id());
        assertThat(profile.key().label()).isEqualTo("console");
        assertThat(profile.key().scopes()).containsExactly(Scope.WAREHOUSE_JOBS_WRITE);
        assertThat(profile.key().projects()).isEmpty();
        assertThat(profile.key().mask()).isEqualTo(secret.mask());
        assertThat(profile.toString()).doesNotContain(secret.reveal(), key.secretDigest());
    }

    @Test
    void aKeyLimitedToSomeProjectsShowsOnlyTheOrganizationsOfThoseItReaches() {
        ApiKey key = issue(
                ApiKeySecret.generate(new SecureRandom()), Set.of(Scope.ALL), Set.of(ProjectId.of(1), ProjectId.of(3)));

        CallerProfile profile = service.describe(Actor.of(key));

        assertThat(profile.organizations()).containsExactly(new MemberOrganization(a, OrganizationRole.OWNER));
        assertThat(profile.key().projects()).containsExactlyInAnyOrder(ProjectId.of(1), ProjectId.of(3));
    }

    @Test
    void aKeyLimitedToProjectsItsUserCannotSeeShowsNoOrganization() {
        ApiKey key = issue(ApiKeySecret.generate(new SecureRandom()), Set.of(Scope.ALL), Set.of(ProjectId.of(3)));

        assertThat(service.describe(Actor.of(key)).organizations()).isEmpty();
    }
}
