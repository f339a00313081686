package dev.wharf.domain.warehouse;

import dev.wharf.domain.shared.RuleViolationException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The schema a project chose for its warehouse (PostHog's {@code schema_name}): 1 to 63 lower-case letters, digits and
 * underscores, not starting with a digit or {@code pg_}, and not a schema every PostgreSQL database already has
 * ({@code public}, {@code information_schema}). It is unique among the live warehouses of one organization, as in
 * duckgres, and on the PostgreSQL engines the warehouse's login owns it and has it as its {@code search_path}.
 */
public record SchemaName(String value) {
    public static final int MAX_LENGTH = 63;

    public static final String REQUIRED = "schema_name is required";
    /** The conflict of a schema name that a live warehouse of another project of the organization holds. */
    public static final String TAKEN = "schema_name is already used by another project of this organization";

    public static final String BAD_LENGTH = "schema_name must be 1 to 63 characters";
    public static final String BAD_CHARACTERS =
            "schema_name must contain only lowercase letters, digits and underscores";
    public static final String DIGIT_FIRST = "schema_name must not start with a digit";
    public static final String PG_PREFIX = "schema_name must not start with pg_ (PostgreSQL keeps those names)";
    public static final String RESERVED =
            "schema_name must not be public or information_schema (every PostgreSQL" + " database already has them)";

    private static final Pattern ALLOWED = Pattern.compile("^[a-z0-9_]+$");
    private static final Set<String> EXISTING_IN_EVERY_DATABASE = Set.of("public", "information_schema");

    public SchemaName {
        problemWith(value).ifPresent(problem -> {
            throw new RuleViolationException(problem);
        });
    }

    /** Why {@code candidate} is not a valid schema name, or empty when it is. A null candidate is {@link #REQUIRED}. */
    public static Optional<String> problemWith(String candidate) {
        if (candidate == null) {
            return Optional.of(REQUIRED);
        }
        if (candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return Optional.of(BAD_LENGTH);
        }
        if (!ALLOWED.matcher(candidate).matches()) {
            return Optional.of(BAD_CHARACTERS);
        }
        if (Character.isDigit(candidate.charAt(0))) {
            return Optional.of(DIGIT_FIRST);
        }
        if (candidate.startsWith("pg_")) {
            return Optional.of(PG_PREFIX);
        }
        if (EXISTING_IN_EVERY_DATABASE.contains(candidate)) {
            return Optional.of(RESERVED);
        }
        return Optional.empty();
    }

    /** The schema named {@code candidate}, or empty when it is null (the project chose none). */
    public static Optional<SchemaName> optional(String candidate) {
        return candidate == null ? Optional.empty() : Optional.of(new SchemaName(candidate));
    }

    @Override
    public String toString() {
        return value;
    }
}
