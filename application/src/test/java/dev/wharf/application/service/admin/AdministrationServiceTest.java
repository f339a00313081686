package dev.wharf.application.service.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.port.in.admin.ApiKeySummary;
import dev.wharf.application.port.in.admin.CreateOrganizationCommand;
import dev.wharf.application.port.in.admin.CreateProjectCommand;
import dev.wharf.application.port.in.admin.CreateUserCommand;
import dev.wharf.application.port.in.admin.IssueApiKeyCommand;
import dev.wharf.application.port.in.admin.IssuedApiKey;
import dev.wharf.application.port.in.admin.ListApiKeysQuery;
import dev.wharf.application.port.in.admin.ListProjectsQuery;
import dev.wharf.application.port.in.admin.ListUsersQuery;
import dev.wharf.application.port.in.admin.RevokeApiKeyCommand;
import dev.wharf.application.port.in.admin.UserSummary;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.service.auth.ApiKeyAuthenticationService;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.Organization;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.shared.RuleViolationException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The operator's use cases on the in-memory fakes. */
class AdministrationServiceTest {
    private final InMemoryFixture store = new InMemoryFixture();
    private final MutableClock clock = new MutableClock(PersistenceFixture.T0);
    private final AdministrationService admin = new AdministrationService(
            store.transactions(), store.organizations(), store.projects(), store.users(), clock);
    private final ApiKeyIssuingService issuing = new ApiKeyIssuingService(
            store.transactions(),
            store.organizations(),
            store.projects(),
            store.users(),
            store.apiKeys(),
            PersistenceFixture.HASHING,
            new SecureRandom(),
            clock);
    private final ApiKeyAdministrationService keys =
            new ApiKeyAdministrationService(store.transactions(), store.users(), store.apiKeys(), clock);
    private final ApiKeyAuthenticationService authentication =
            new ApiKeyAuthenticationService(store.apiKeys(), PersistenceFixture.HASHING);

    private Organization organization(String name) {
        clock.advance(Duration.ofSeconds(1));
        return admin.createOrganization(new CreateOrganizationCommand(name));
    }

    @Test
    void organizationsAreCreatedWithATrimmedNameAndListedOldestFirst() {
        Organization acme = organization("  Acme  ");
        Organization globex = organization("Globex");

        assertThat(acme.name()).isEqualTo("Acme");
        assertThat(admin.listOrganizations()).containsExactly(acme, globex);
        assertThatThrownBy(() -> organization(" ")).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aProjectWithoutAnIdGetsTheNextFreeOneAndUtc() {
        OrganizationId org = organization("Acme").id();

        Project first = admin.createProject(new CreateProjectCommand(org, "Web", null, null));
        Project chosen =
                admin.createProject(new CreateProjectCommand(org, "Ten", ProjectId.of(10), ZoneId.of("Asia/Tokyo")));
        Project next = admin.createProject(new CreateProjectCommand(org, "Next", null, null));

        assertThat(first.id()).isEqualTo(ProjectId.of(1));
        assertThat(first.timeZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(chosen.timeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(next.id()).isEqualTo(ProjectId.of(11));
        assertThat(admin.listProjects(ListProjectsQuery.all())).containsExactly(first, chosen, next);
    }

    @Test
    void aProjectIdIsTakenOnceAndOnlyInAnOrganizationThatExists() {
        OrganizationId org = organization("Acme").id();
        admin.createProject(new CreateProjectCommand(org, "Web", ProjectId.of(3), null));

        assertThatThrownBy(() -> admin.createProject(new CreateProjectCommand(org, "Again", ProjectId.of(3), null)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("project 3 already exists");
        assertThatThrownBy(() ->
                        admin.createProject(new CreateProjectCommand(OrganizationId.random(), "Nowhere", null, null)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("organization");
    }

    @Test
    void projectsAreListedPerOrganization() {
        OrganizationId acme = organization("Acme").id();
        OrganizationId globex = organization("Globex").id();
        Project web = admin.createProject(new CreateProjectCommand(acme, "Web", null, null));
        admin.createProject(new CreateProjectCommand(globex, "Other", null, null));

        assertThat(admin.listProjects(new ListProjectsQuery(acme))).containsExactly(web);
        assertThatThrownBy(() -> admin.listProjects(new ListProjectsQuery(OrganizationId.random())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aUserIsCreatedThenJoinsAnotherOrganizationThenChangesRole() {
        OrganizationId acme = organization("Acme").id();
        OrganizationId globex = organization("Globex").id();

        UserSummary created = admin.createUser(new CreateUserCommand("Ann@Example.com", acme, OrganizationRole.ADMIN));
        clock.advance(Duration.ofSeconds(1));
        UserSummary joined =
                admin.createUser(new CreateUserCommand("ann@example.com", globex, OrganizationRole.MEMBER));
        UserSummary promoted =
                admin.createUser(new CreateUserCommand("ann@example.com", globex, OrganizationRole.OWNER));

        assertThat(created.created()).isTrue();
        assertThat(created.user().email()).isEqualTo("ann@example.com");
        assertThat(joined.created()).isFalse();
        assertThat(joined.user()).isEqualTo(created.user());
        assertThat(promoted.memberships())
                .extracting(m -> m.organizationId(), m -> m.role())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(acme, OrganizationRole.ADMIN),
                        org.assertj.core.groups.Tuple.tuple(globex, OrganizationRole.OWNER));
    }

    @Test
    void usersAreListedAllOrPerOrganization() {
        OrganizationId acme = organization("Acme").id();
        OrganizationId globex = organization("Globex").id();
        admin.createUser(new CreateUserCommand("bob@example.com", globex, OrganizationRole.MEMBER));
        admin.createUser(new CreateUserCommand("ann@example.com", acme, OrganizationRole.ADMIN));

        assertThat(admin.listUsers(ListUsersQuery.all()))
                .extracting(u -> u.user().email())
                .containsExactly("ann@example.com", "bob@example.com");
        assertThat(admin.listUsers(new ListUsersQuery(globex)))
                .extracting(u -> u.user().email())
                .containsExactly("bob@example.com");
        assertThatThrownBy(
                        () -> admin.createUser(new CreateUserCommand("not an address", acme, OrganizationRole.MEMBER)))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> admin.createUser(
                        new CreateUserCommand("c@example.com", OrganizationId.random(), OrganizationRole.MEMBER)))
                .isInstanceOf(NotFoundException.class);
        assertThat(store.users().findByEmail("c@example.com")).isEmpty();
    }

    @Test
    void aRememberedKeyStillAuthenticatesForTheCacheLifetimeAfterItIsRevoked() {
        OrganizationId acme = organization("Acme").id();
        admin.createProject(new CreateProjectCommand(acme, "Web", null, null));
        admin.createUser(new CreateUserCommand("ann@example.com", acme, OrganizationRole.ADMIN));
        IssuedApiKey issued = issuing.issueApiKey(new IssueApiKeyCommand(
                "ann@example.com", "ci", Set.of(Scope.WAREHOUSE_VIEW_READ), Set.of(ProjectId.of(1))));
        ApiKeyAuthenticationService cached = new ApiKeyAuthenticationService(
                store.apiKeys(), PersistenceFixture.HASHING, Duration.ofSeconds(5), clock);
        assertThat(cached.authenticate(issued.secret().reveal())).isPresent();

        keys.revokeApiKey(new RevokeApiKeyCommand(issued.key().id()));
        clock.advance(Duration.ofMillis(4_999));
        assertThat(cached.authenticate(issued.secret().reveal())).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(cached.authenticate(issued.secret().reveal())).isEmpty();
        assertThat(cached.authenticate("phx_" + "x".repeat(43))).isEmpty();
    }

    @Test
    void anIssuedKeyAuthenticatesUntilItIsRevoked() {
        OrganizationId acme = organization("Acme").id();
        admin.createProject(new CreateProjectCommand(acme, "Web", null, null));
        admin.createUser(new CreateUserCommand("ann@example.com", acme, OrganizationRole.ADMIN));

        IssuedApiKey issued = issuing.issueApiKey(new IssueApiKeyCommand(
                "ann@example.com", "ci", Set.of(Scope.WAREHOUSE_VIEW_READ), Set.of(ProjectId.of(1))));

        Actor actor = authentication.authenticate(issued.secret().reveal()).orElseThrow();
        assertThat(actor.apiKeyId()).isEqualTo(issued.key().id());
        assertThat(actor.projects()).containsExactly(ProjectId.of(1));
        assertThat(issued.key().mask()).isEqualTo(issued.secret().mask());

        clock.advance(Duration.ofMinutes(1));
        ApiKeySummary revoked =
                keys.revokeApiKey(new RevokeApiKeyCommand(issued.key().id()));

        assertThat(revoked.revokedAt()).isEqualTo(clock.instant());
        assertThat(authentication.authenticate(issued.secret().reveal())).isEmpty();
        assertThat(keys.listApiKeys(ListApiKeysQuery.all())).containsExactly(revoked);
        assertThatThrownBy(() ->
                        keys.revokeApiKey(new RevokeApiKeyCommand(issued.key().id())))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> keys.revokeApiKey(new RevokeApiKeyCommand(ApiKeyId.random())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aKeyNeedsAKnownUserAScopeAndProjectsOfTheUsersOrganizations() {
        OrganizationId acme = organization("Acme").id();
        OrganizationId globex = organization("Globex").id();
        admin.createProject(new CreateProjectCommand(acme, "Web", null, null));
        admin.createProject(new CreateProjectCommand(globex, "Theirs", null, null));
        admin.createUser(new CreateUserCommand("ann@example.com", acme, OrganizationRole.MEMBER));

        assertThatThrownBy(() -> issuing.issueApiKey(
                        new IssueApiKeyCommand("nobody@example.com", "ci", Set.of(Scope.ALL), Set.of())))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("nobody@example.com");
        assertThatThrownBy(
                        () -> issuing.issueApiKey(new IssueApiKeyCommand("ann@example.com", "ci", Set.of(), Set.of())))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("scope");
        assertThatThrownBy(() -> issuing.issueApiKey(
                        new IssueApiKeyCommand("ann@example.com", "ci", Set.of(Scope.ALL), Set.of(ProjectId.of(9)))))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("project 9");
        assertThatThrownBy(() -> issuing.issueApiKey(
                        new IssueApiKeyCommand("ann@example.com", "ci", Set.of(Scope.ALL), Set.of(ProjectId.of(2)))))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("not a member");
        assertThat(keys.listApiKeys(ListApiKeysQuery.all())).isEmpty();
    }

    @Test
    void keysAreListedPerUserWithoutTheirSecretOrDigest() {
        OrganizationId acme = organization("Acme").id();
        admin.createUser(new CreateUserCommand("ann@example.com", acme, OrganizationRole.ADMIN));
        admin.createUser(new CreateUserCommand("bob@example.com", acme, OrganizationRole.MEMBER));
        IssuedApiKey anns =
                issuing.issueApiKey(new IssueApiKeyCommand("ann@example.com", "a", Set.of(Scope.ALL), null));
        clock.advance(Duration.ofSeconds(1));
        IssuedApiKey bobs =
                issuing.issueApiKey(new IssueApiKeyCommand("bob@example.com", "b", Set.of(Scope.ALL), null));

        assertThat(keys.listApiKeys(new ListApiKeysQuery("BOB@example.com"))).containsExactly(bobs.key());
        assertThat(keys.listApiKeys(ListApiKeysQuery.all())).containsExactly(anns.key(), bobs.key());
        String listed = keys.listApiKeys(ListApiKeysQuery.all()).toString();
        for (IssuedApiKey issued : new IssuedApiKey[] {anns, bobs}) {
            assertThat(listed)
                    .doesNotContain(issued.secret().reveal())
                    .doesNotContain(issued.secret().digest(PersistenceFixture.HASHING))
                    .doesNotContain(issued.secret().plainSha256());
        }
        assertThatThrownBy(() -> keys.listApiKeys(new ListApiKeysQuery("nobody@example.com")))
                .isInstanceOf(NotFoundException.class);
    }
}
