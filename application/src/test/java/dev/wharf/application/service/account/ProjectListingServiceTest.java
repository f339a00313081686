package dev.wharf.application.service.account;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.paging.Paging;
import dev.wharf.application.port.in.account.ProjectListQuery;
import dev.wharf.application.port.in.account.ProjectPage;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.auth.MissingScopeException;
import dev.wharf.application.port.out.admin.MemberProject;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.Organization;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import dev.wharf.domain.shared.RuleViolationException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/projects/} against in-memory fakes: the user owns organization A (projects 1 to 3) and is a member of
 * B (project 10); organization C (project 20) is someone else's.
 */
class ProjectListingServiceTest {
    private final InMemoryFixture store = new InMemoryFixture();
    private final ProjectListingService service =
            new ProjectListingService(new ProjectAccess(store.projects(), store.organizations()), store.projects());
    private User user;
    private OrganizationId a;

    @BeforeEach
    void givenTwoOrganizationsOfTheUserAndOneOfSomeoneElse() {
        user = store.givenUser("someone@example.com");
        a = organization("A");
        OrganizationId b = organization("B");
        OrganizationId c = organization("C");
        projects(a, 1, 2, 3);
        projects(b, 10);
        projects(c, 20);
        join(a, OrganizationRole.OWNER);
        join(b, OrganizationRole.MEMBER);
    }

    private OrganizationId organization(String name) {
        Organization organization = new Organization(OrganizationId.random(), name, T0);
        store.organizations().insert(organization);
        return organization.id();
    }

    private void projects(OrganizationId organization, long... ids) {
        for (long id : ids) {
            store.projects().insert(new Project(ProjectId.of(id), organization, "Project " + id, ZoneOffset.UTC, T0));
        }
    }

    private void join(OrganizationId organization, OrganizationRole role) {
        store.organizations().saveMembership(new Membership(organization, user.id(), role, T0));
    }

    private Actor key(Set<Scope> scopes, long... projects) {
        return new Actor(
                user.id(),
                ApiKeyId.random(),
                scopes,
                LongStream.of(projects).mapToObj(ProjectId::of).collect(java.util.stream.Collectors.toSet()));
    }

    private ProjectPage list(Actor actor, String limit, String offset) {
        return service.list(new ProjectListQuery(actor, limit, offset));
    }

    private static List<Long> ids(ProjectPage page) {
        return page.page().results().stream().map(m -> m.project().id().value()).toList();
    }

    @Test
    void aKeyListsTheProjectsOfItsUsersOrganizationsByIdWithItsRoleInEach() {
        ProjectPage page = list(key(Set.of(Scope.WAREHOUSE_VIEW_READ)), null, null);

        assertThat(ids(page)).containsExactly(1L, 2L, 3L, 10L);
        assertThat(page.page().results())
                .extracting(MemberProject::role)
                .containsExactly(
                        OrganizationRole.OWNER,
                        OrganizationRole.OWNER,
                        OrganizationRole.OWNER,
                        OrganizationRole.MEMBER);
        assertThat(page.count()).isEqualTo(4);
        assertThat(page.page().paging()).isEqualTo(new Paging(20, 0));
        assertThat(page.page().hasMore()).isFalse();
    }

    @Test
    void aKeyLimitedToSomeProjectsListsOnlyThoseItsUserMaySee() {
        ProjectPage page = list(key(Set.of(Scope.ALL), 2, 20, 999), null, null);

        assertThat(ids(page)).containsExactly(2L);
        assertThat(page.count()).isEqualTo(1);
        assertThat(list(key(Set.of(Scope.ALL), 20), null, null).count()).isZero();
    }

    @Test
    void theListIsPagedAsEveryListWithTheCountOfAll() {
        projects(a, LongStream.rangeClosed(100, 159).toArray());
        Actor actor = key(Set.of(Scope.WAREHOUSE_VIEW_WRITE));

        ProjectPage first = list(actor, null, null);
        ProjectPage capped = list(actor, " 1000 ", "-7");
        ProjectPage last = list(actor, "20", "60");

        assertThat(first.page().results()).hasSize(20);
        assertThat(first.page().hasMore()).isTrue();
        assertThat(first.count()).isEqualTo(64);
        assertThat(capped.page().paging()).isEqualTo(new Paging(50, 0));
        assertThat(capped.page().results()).hasSize(50);
        assertThat(ids(last)).containsExactly(156L, 157L, 158L, 159L);
        assertThat(last.page().hasMore()).isFalse();
        assertThat(list(actor, "20", "500").page().results()).isEmpty();
        assertThat(list(actor, "20", "500").count()).isEqualTo(64);
    }

    @Test
    void aLimitBelowOneOrAValueThatIsNotAnIntegerIsRefused() {
        Actor actor = key(Set.of(Scope.ALL));
        for (String[] bad : new String[][] {{"0", null}, {"-1", null}, {"abc", null}, {null, "1.5"}, {"", null}}) {
            assertThatThrownBy(() -> list(actor, bad[0], bad[1]))
                    .isInstanceOf(RuleViolationException.class)
                    .hasMessage("Invalid limit or offset parameter");
        }
    }

    @Test
    void aKeyWithoutTheReadScopeIsRefusedBeforeItsParametersAreRead() {
        Actor jobsOnly = key(Set.of(Scope.WAREHOUSE_JOBS_WRITE));

        assertThatThrownBy(() -> list(jobsOnly, "abc", null))
                .isInstanceOf(MissingScopeException.class)
                .hasMessage("API key missing required scope 'warehouse_view:read'");
    }
}
