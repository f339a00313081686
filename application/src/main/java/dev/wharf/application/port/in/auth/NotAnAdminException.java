package dev.wharf.application.port.in.auth;

/** The caller is a member of the organization but not an admin or owner (HTTP 403 with {"error": …}). */
public final class NotAnAdminException extends AccessDeniedException {
    public NotAnAdminException(String message) {
        super(message);
    }
}
