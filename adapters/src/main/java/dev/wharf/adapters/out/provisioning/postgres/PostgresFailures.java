package dev.wharf.adapters.out.provisioning.postgres;

import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.shared.BackendUnavailableException.Reason;
import dev.wharf.domain.warehouse.DatabaseName;
import java.net.SocketTimeoutException;
import java.sql.SQLException;

/**
 * Turns driver and server errors into the port's errors. A server-side cancel ({@code 57014 query_canceled}, which is
 * what {@code statement_timeout} raises) and a socket that stops answering (connect or read timeout) are
 * {@link Reason#TIMEOUT}; everything else, a refused connection or unknown host included, is {@link Reason#UNREACHABLE}.
 * Messages name the action, the warehouse and the SQLState only: never a host, a user, SQL text or a secret.
 */
final class PostgresFailures {
    static final String QUERY_CANCELED = "57014";
    static final String UNDEFINED_OBJECT = "42704";
    static final String INSUFFICIENT_PRIVILEGE = "42501";
    static final String DUPLICATE_OBJECT = "42710";
    static final String DUPLICATE_DATABASE = "42P04";
    static final String DUPLICATE_SCHEMA = "42P06";
    static final String DEPENDENT_OBJECTS_STILL_EXIST = "2BP01";

    private PostgresFailures() {}

    static boolean isTimeout(SQLException e) {
        if (QUERY_CANCELED.equals(e.getSQLState())) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The port's error for {@code e}, keeping {@code e} as the cause (for statements that carry no secret). */
    static BackendUnavailableException unavailable(String action, DatabaseName database, SQLException e) {
        return create(action, database, e, e);
    }

    /** As {@link #unavailable}, but without the cause: for a statement that carried a secret. */
    static BackendUnavailableException unavailableWithoutCause(String action, DatabaseName database, SQLException e) {
        return create(action, database, e, null);
    }

    private static BackendUnavailableException create(
            String action, DatabaseName database, SQLException e, Throwable cause) {
        Reason reason = isTimeout(e) ? Reason.TIMEOUT : Reason.UNREACHABLE;
        String what = reason == Reason.TIMEOUT ? "timed out" : "failed or the server is unreachable";
        return new BackendUnavailableException(
                reason,
                "the postgres engine could not " + action + " warehouse " + database + ": " + what + " (SQLState "
                        + e.getSQLState() + ")",
                cause);
    }
}
