package dev.wharf.adapters.in.rest.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.application.paging.Page;
import dev.wharf.application.paging.Paging;
import dev.wharf.application.port.in.account.ProjectPage;
import dev.wharf.application.port.out.admin.MemberProject;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /api/projects/}'s body: PostHog's fields and levels, {@code count} first, relative links. */
class ProjectPageResponseTest {
    private static final OrganizationId ORG =
            new OrganizationId(UUID.fromString("0b9e5c56-8f0a-4d5e-9a61-3f2f3c1b7d10"));

    private static MemberProject project(long id, OrganizationRole role) {
        return new MemberProject(
                new Project(ProjectId.of(id), ORG, "Shop " + id, ZoneId.of("Asia/Kolkata"), Instant.EPOCH), role);
    }

    @Test
    void eachRoleIsPostHogsMembershipLevelAndTheBodyIsPostHogsShape() throws Exception {
        ProjectPage page = new ProjectPage(
                new Page<>(
                        List.of(
                                project(1, OrganizationRole.MEMBER),
                                project(2, OrganizationRole.ADMIN),
                                project(3, OrganizationRole.OWNER)),
                        new Paging(3, 0),
                        true),
                7);

        String json = new ObjectMapper().writeValueAsString(ProjectPageResponse.of(page));

        assertThat(json)
                .isEqualTo("{\"count\":7,\"next\":\"?limit=3&offset=3\",\"previous\":null,\"results\":["
                        + "{\"id\":1,\"organization\":\"0b9e5c56-8f0a-4d5e-9a61-3f2f3c1b7d10\",\"name\":\"Shop 1\","
                        + "\"timezone\":\"Asia/Kolkata\",\"effective_membership_level\":1},"
                        + "{\"id\":2,\"organization\":\"0b9e5c56-8f0a-4d5e-9a61-3f2f3c1b7d10\",\"name\":\"Shop 2\","
                        + "\"timezone\":\"Asia/Kolkata\",\"effective_membership_level\":8},"
                        + "{\"id\":3,\"organization\":\"0b9e5c56-8f0a-4d5e-9a61-3f2f3c1b7d10\",\"name\":\"Shop 3\","
                        + "\"timezone\":\"Asia/Kolkata\",\"effective_membership_level\":15}]}");
    }

    @Test
    void theLinksAreRelativeQueryStringsOfLimitAndOffset() {
        ProjectPageResponse last = ProjectPageResponse.of(
                new ProjectPage(new Page<MemberProject>(List.of(), new Paging(10, 15), false), 3));

        assertThat(last.next()).isNull();
        assertThat(last.previous()).isEqualTo("?limit=10&offset=5");
        assertThat(last.count()).isEqualTo(3);
        assertThat(last.results()).isEmpty();
    }

    @Test
    void utcIsCalledUtcAsPostHogCallsIt() {
        assertThat(ProjectPageResponse.timeZoneName(java.time.ZoneOffset.UTC)).isEqualTo("UTC");
        assertThat(ProjectPageResponse.timeZoneName(java.time.ZoneId.of("UTC"))).isEqualTo("UTC");
        assertThat(ProjectPageResponse.timeZoneName(java.time.ZoneId.of("Asia/Kolkata")))
                .isEqualTo("Asia/Kolkata");
    }
}
