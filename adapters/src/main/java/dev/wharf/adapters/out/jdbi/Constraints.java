package dev.wharf.adapters.out.jdbi;

import java.sql.SQLException;
import java.util.Locale;

/** Recognises constraint violations by SQLSTATE, which H2 and PostgreSQL share. */
public final class Constraints {
    private static final String UNIQUE_VIOLATION = "23505";

    private Constraints() {}

    public static boolean isUniqueViolation(Throwable error) {
        return uniqueViolation(error) != null;
    }

    /**
     * Whether {@code error} is a unique violation of the index or constraint whose name contains {@code name}. Both
     * databases name the violated index in the message; asking the database again is not an option, because
     * PostgreSQL refuses every statement of a transaction after an error.
     */
    public static boolean isUniqueViolationOf(Throwable error, String name) {
        SQLException sql = uniqueViolation(error);
        return sql != null
                && sql.getMessage() != null
                && sql.getMessage().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT));
    }

    private static SQLException uniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return sql;
            }
        }
        return null;
    }
}
