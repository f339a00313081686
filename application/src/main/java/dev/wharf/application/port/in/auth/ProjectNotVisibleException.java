package dev.wharf.application.port.in.auth;

/**
 * The project does not exist, or the caller may not see it: one answer for both (HTTP 404 "Not found." in PostHog's
 * error shape), so project ids cannot be probed.
 */
public final class ProjectNotVisibleException extends AccessDeniedException {
    public ProjectNotVisibleException() {
        super("Not found.");
    }
}
