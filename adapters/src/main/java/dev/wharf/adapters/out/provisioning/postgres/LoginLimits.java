package dev.wharf.adapters.out.provisioning.postgres;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one warehouse login may use of a shared server, set on the login itself ({@code ALTER ROLE … CONNECTION LIMIT}
 * and {@code ALTER ROLE … SET}) so that it holds in every session whatever the client asks for: a login cannot raise a
 * setting fixed this way above what {@code SET} allows it (and {@code temp_file_limit} it cannot change at all).
 * A null value leaves the setting alone (a login made while it was set keeps it: {@code RESET} of {@code
 * temp_file_limit} needs the same right as setting it); a connection limit of -1 means none.
 *
 * @param connectionLimit concurrent sessions of the login, or -1 for the server's {@code max_connections}
 * @param statementTimeout the longest one statement may run ({@code statement_timeout})
 * @param idleInTransactionTimeout how long a session may sit idle inside a transaction, holding locks
 *     ({@code idle_in_transaction_session_timeout})
 * @param workMemKilobytes memory for one sort or hash before it spills to disk ({@code work_mem})
 * @param tempFileLimitKilobytes disk one session may use for temporary files ({@code temp_file_limit}; setting it on a
 *     login needs a superuser admin, or {@code GRANT SET ON PARAMETER temp_file_limit} on PostgreSQL 15 and later)
 */
public record LoginLimits(
        int connectionLimit,
        Duration statementTimeout,
        Duration idleInTransactionTimeout,
        Long workMemKilobytes,
        Long tempFileLimitKilobytes) {

    /** The defaults: 20 sessions, 15-minute statements, 10 minutes idle in a transaction, 64 MB, 5 GB. */
    public static final LoginLimits DEFAULTS =
            new LoginLimits(20, Duration.ofMinutes(15), Duration.ofMinutes(10), 64L * 1024, 5L * 1024 * 1024);

    /** No limits beyond the server's own settings. */
    public static final LoginLimits NONE = new LoginLimits(-1, null, null, null, null);

    public LoginLimits {
        if (connectionLimit < -1) {
            throw new IllegalArgumentException("connectionLimit must be -1 (none) or more, was " + connectionLimit);
        }
        requirePositive(statementTimeout, "statementTimeout");
        requirePositive(idleInTransactionTimeout, "idleInTransactionTimeout");
        requirePositive(workMemKilobytes, "workMem");
        requirePositive(tempFileLimitKilobytes, "tempFileLimit");
    }

    /** One limit: the setting's name and the statement that puts it on a login. */
    record Statement(String setting, String sql) {}

    /** The {@code ALTER ROLE} statements that put these limits on {@code quotedRole}, in order. */
    List<Statement> statements(String quotedRole) {
        List<Statement> sql = new ArrayList<>();
        sql.add(new Statement("CONNECTION LIMIT", "ALTER ROLE " + quotedRole + " CONNECTION LIMIT " + connectionLimit));
        setting(sql, quotedRole, "statement_timeout", millis(statementTimeout));
        setting(sql, quotedRole, "idle_in_transaction_session_timeout", millis(idleInTransactionTimeout));
        setting(sql, quotedRole, "work_mem", kilobytes(workMemKilobytes));
        setting(sql, quotedRole, "temp_file_limit", kilobytes(tempFileLimitKilobytes));
        return sql;
    }

    private static void setting(List<Statement> sql, String quotedRole, String name, String value) {
        if (value != null) {
            sql.add(new Statement(name, "ALTER ROLE " + quotedRole + " SET " + name + " = " + Sql.literal(value)));
        }
    }

    private static String millis(Duration duration) {
        return duration == null ? null : duration.toMillis() + "ms";
    }

    private static String kilobytes(Long kilobytes) {
        return kilobytes == null ? null : kilobytes + "kB";
    }

    private static void requirePositive(Duration value, String what) {
        if (value != null && (value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(what + " must be positive and under 24 days, was " + value);
        }
    }

    private static void requirePositive(Long value, String what) {
        if (value != null && (value < 64 || value > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(what + " must be between 64 kB and 2 TB, was " + value + " kB");
        }
    }
}
