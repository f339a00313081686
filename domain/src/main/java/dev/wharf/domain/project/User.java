package dev.wharf.domain.project;

import dev.wharf.domain.shared.Require;
import dev.wharf.domain.shared.RuleViolationException;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/** A person. The e-mail is stored lower-cased and is unique. */
public record User(UserId id, String email, Instant createdAt) {
    public static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    public User {
        Require.nonNull(id, "id");
        Require.nonNull(createdAt, "createdAt");
        if (email == null || email.isBlank()) {
            throw new RuleViolationException("email is required");
        }
        email = email.strip().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            throw new RuleViolationException("email is not a valid address");
        }
    }
}
