package dev.wharf.application.port.in.auth;

/** The caller may not do this here: a project it cannot see, a scope its key lacks, or a role it does not have. */
public abstract class AccessDeniedException extends RuntimeException {
    protected AccessDeniedException(String message) {
        super(message);
    }
}
