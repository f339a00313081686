package dev.wharf.domain.warehouse;

import dev.wharf.domain.shared.RuleViolationException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of a warehouse's database: a DNS label of 3 to 63 characters, lower-case letters, digits and hyphens,
 * starting with a letter and ending with a letter or digit. It becomes a host name and an engine identifier, so
 * nothing else is accepted.
 */
public record DatabaseName(String value) {
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 63;

    public static final String REQUIRED = "database_name is required";
    public static final String BAD_LENGTH = "database_name must be between 3 and 63 characters";
    public static final String NOT_A_DNS_LABEL = "database_name must be a valid DNS label: lowercase letters, digits"
            + " and hyphens, starting with a letter and not ending with a hyphen";

    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z]([a-z0-9-]*[a-z0-9])?$");

    public DatabaseName {
        problemWith(value).ifPresent(problem -> {
            throw new RuleViolationException(problem);
        });
    }

    /** Why {@code candidate} is not a valid name, or empty when it is. */
    public static Optional<String> problemWith(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return Optional.of(REQUIRED);
        }
        if (candidate.length() < MIN_LENGTH || candidate.length() > MAX_LENGTH) {
            return Optional.of(BAD_LENGTH);
        }
        if (!DNS_LABEL.matcher(candidate).matches()) {
            return Optional.of(NOT_A_DNS_LABEL);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
