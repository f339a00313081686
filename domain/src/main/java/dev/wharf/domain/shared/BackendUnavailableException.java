package dev.wharf.domain.shared;

/**
 * A backend Wharf depends on (a warehouse engine, the billing service) did not answer. Nothing was changed on
 * Wharf's side; the caller may retry. {@link Reason#TIMEOUT} maps to 504, {@link Reason#UNREACHABLE} and {@link
 * Reason#CREDENTIALS_REFUSED} to 502.
 */
public class BackendUnavailableException extends DomainException {
    /** Why the backend is unavailable. */
    public enum Reason {
        UNREACHABLE,
        TIMEOUT,
        /** It answered, and refused Wharf's own credentials: Wharf is misconfigured, only an operator can act. */
        CREDENTIALS_REFUSED
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
