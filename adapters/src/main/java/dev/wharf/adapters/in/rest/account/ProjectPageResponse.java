package dev.wharf.adapters.in.rest.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.adapters.in.rest.PageLinks;
import dev.wharf.application.port.in.account.ProjectPage;
import dev.wharf.application.port.out.admin.MemberProject;
import dev.wharf.domain.project.Project;
import java.util.List;

/** {@code GET /api/projects/}: PostHog's paginated list, {@code count} first, with relative links. */
public record ProjectPageResponse(
        @JsonProperty("count") long count,
        @JsonProperty("next") String next,
        @JsonProperty("previous") String previous,
        @JsonProperty("results") List<Row> results) {

    /** One project, with the caller's membership level in its organization as PostHog numbers it. */
    public record Row(
            @JsonProperty("id") long id,
            @JsonProperty("organization") String organization,
            @JsonProperty("name") String name,
            @JsonProperty("timezone") String timezone,
            @JsonProperty("effective_membership_level") int effectiveMembershipLevel) {
        static Row of(MemberProject reachable) {
            Project project = reachable.project();
            return new Row(
                    project.id().value(),
                    project.organizationId().toString(),
                    project.name(),
                    timeZoneName(project.timeZone()),
                    MembershipLevels.of(reachable.role()));
        }
    }

    static ProjectPageResponse of(ProjectPage projects) {
        PageLinks links = PageLinks.of(projects.page());
        return new ProjectPageResponse(
                projects.count(),
                links.next(),
                links.previous(),
                projects.page().results().stream().map(Row::of).toList());
    }

    /** The zone's IANA name; Java calls UTC "Z", PostHog and every client call it "UTC". */
    static String timeZoneName(java.time.ZoneId zone) {
        return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
