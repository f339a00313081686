package dev.wharf.domain.credential;

import dev.wharf.domain.shared.RuleViolationException;
import java.util.regex.Pattern;

/**
 * The name a user logs in to a warehouse with. Lower-case letters, digits and underscores, starting with a letter,
 * at most 63 characters: safe as an identifier in every engine.
 */
public record LoginName(String value) {
    private static final Pattern SHAPE = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");

    public LoginName {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new RuleViolationException("a login name is a lower-case letter followed by at most 62 lower-case"
                    + " letters, digits or underscores");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
