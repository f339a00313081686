package dev.wharf.application.port.out.admin;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.out.FixtureContract;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.Organization;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.User;
import dev.wharf.domain.project.UserId;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ProjectRepository#findOfMember} and {@link ProjectRepository#countOfMember}: the projects a user reaches
 * through their memberships, as {@code GET /api/projects/} lists them. The user owns organization A (projects 2 and
 * 5), is an admin of B (project 3) and not a member of C (project 4); another user is a member of C.
 */
public abstract class ProjectsOfMemberContract extends FixtureContract {
    private User user;
    private Project two;
    private Project three;
    private Project five;
    private OrganizationId a;

    @BeforeEach
    void givenThreeOrganizations() {
        user = store.givenUser("someone@example.com");
        User other = store.givenUser("other@example.com");
        a = organization("A");
        OrganizationId b = organization("B");
        OrganizationId c = organization("C");
        five = project(5, a);
        two = project(2, a);
        three = project(3, b);
        project(4, c);
        join(a, user.id(), OrganizationRole.OWNER);
        join(b, user.id(), OrganizationRole.ADMIN);
        join(c, other.id(), OrganizationRole.MEMBER);
    }

    private OrganizationId organization(String name) {
        Organization organization = new Organization(OrganizationId.random(), name, T0);
        store.organizations().insert(organization);
        return organization.id();
    }

    private Project project(long id, OrganizationId organization) {
        Project project = new Project(ProjectId.of(id), organization, "Project " + id, ZoneId.of("Europe/Paris"), T0);
        store.projects().insert(project);
        return project;
    }

    private void join(OrganizationId organization, UserId member, OrganizationRole role) {
        store.organizations().saveMembership(new Membership(organization, member, role, T0));
    }

    private List<MemberProject> find(Set<ProjectId> only, int limit, int offset) {
        return store.projects().findOfMember(user.id(), only, limit, offset);
    }

    @Test
    void theProjectsOfEveryOrganizationOfTheUserAreFoundByIdWithTheRoleThere() {
        assertThat(find(Set.of(), 10, 0))
                .containsExactly(
                        new MemberProject(two, OrganizationRole.OWNER),
                        new MemberProject(three, OrganizationRole.ADMIN),
                        new MemberProject(five, OrganizationRole.OWNER));
        assertThat(store.projects().countOfMember(user.id(), Set.of())).isEqualTo(3);
    }

    @Test
    void theyArePagedByLimitAndOffset() {
        assertThat(find(Set.of(), 2, 0))
                .extracting(m -> m.project().id().value())
                .containsExactly(2L, 3L);
        assertThat(find(Set.of(), 2, 1))
                .extracting(m -> m.project().id().value())
                .containsExactly(3L, 5L);
        assertThat(find(Set.of(), 2, 3)).isEmpty();
        assertThat(find(Set.of(), 2, Integer.MAX_VALUE - 50)).isEmpty();
    }

    @Test
    void aLimitToSomeProjectsKeepsOnlyThoseOfTheUsersOrganizations() {
        Set<ProjectId> only = Set.of(ProjectId.of(3), ProjectId.of(4), ProjectId.of(99));

        assertThat(find(only, 10, 0)).containsExactly(new MemberProject(three, OrganizationRole.ADMIN));
        assertThat(store.projects().countOfMember(user.id(), only)).isEqualTo(1);
        assertThat(find(Set.of(ProjectId.of(4)), 10, 0)).isEmpty();
        assertThat(store.projects().countOfMember(user.id(), Set.of(ProjectId.of(4))))
                .isZero();
    }

    @Test
    void aUserWithoutMembershipsFindsNothing() {
        User stranger = store.givenUser("stranger@example.com");

        assertThat(store.projects().findOfMember(stranger.id(), Set.of(), 10, 0))
                .isEmpty();
        assertThat(store.projects().countOfMember(stranger.id(), Set.of())).isZero();
        assertThat(store.projects().findOfMember(UserId.random(), Set.of(), 10, 0))
                .isEmpty();
    }

    @Test
    void aChangedRoleIsTheOneFound() {
        join(a, user.id(), OrganizationRole.MEMBER);

        assertThat(find(Set.of(ProjectId.of(2)), 10, 0))
                .containsExactly(new MemberProject(two, OrganizationRole.MEMBER));
    }
}
