package dev.wharf.application.port.in.account;

/** The projects a personal API key reaches, as PostHog's {@code GET /api/projects/} lists them. */
public interface ProjectListing {
    /**
     * The projects the caller's key may touch (within its project limit, in the organizations its user is a member
     * of), by id, one page of them; the key needs {@code warehouse_view:read}.
     */
    ProjectPage list(ProjectListQuery query);
}
