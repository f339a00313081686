package dev.wharf.adapters.out.provisioning.postgres.embedded;

/**
 * Why the embedded PostgreSQL server cannot start or stop, in one line an operator can act on (never a password).
 */
public final class EmbeddedPostgresException extends RuntimeException {
    public EmbeddedPostgresException(String message) {
        super(message);
    }

    public EmbeddedPostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}
