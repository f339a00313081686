package dev.wharf.adapters.out.provisioning.postgres;

/** Quoting for the statements that cannot take bind parameters (DDL). */
final class Sql {
    private Sql() {}

    /** {@code "name"} with embedded double quotes doubled; refuses a NUL, which PostgreSQL cannot store. */
    static String identifier(String name) {
        requireNoNul(name);
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * {@code 'text'} with embedded single quotes doubled, as a standard string (the driver connects with
     * {@code standard_conforming_strings} on, so a backslash is an ordinary character); refuses a NUL.
     */
    static String literal(String text) {
        requireNoNul(text);
        return '\'' + text.replace("'", "''") + '\'';
    }

    private static void requireNoNul(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a NUL character cannot be quoted for PostgreSQL");
        }
    }
}
