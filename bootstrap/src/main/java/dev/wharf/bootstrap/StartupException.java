package dev.wharf.bootstrap;

/** A start-up failure the operator can fix, reported as one line without a stack trace. */
public final class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
