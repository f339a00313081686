package dev.wharf.domain.shared;

/**
 * A backend Wharf depends on (a warehouse engine, the billing service) did not answer. Nothing was changed on
 * Wharf's side; the caller may retry. {@link Reason#TIMEOUT} maps to 504, {@link Reason#UNREACHABLE} to 502.
 */
public class BackendUnavailableException extends DomainException {
    /** Why the backend is unavailable. */
    public enum Reason {
        UNREACHABLE,
        TIMEOUT
    }

    private final Reason reason;

    public BackendUnavailableException(Reason reason, String message, Throwable cause) {
        super(message);
        this.reason = reason;
        if (cause != null) {
            initCause(cause);
        }
    }

    public Reason reason() {
        return reason;
    }
}
