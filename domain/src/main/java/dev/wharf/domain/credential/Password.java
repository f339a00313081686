package dev.wharf.domain.credential;

import dev.wharf.domain.shared.Require;

/**
 * A warehouse password in plain text. It lives only for the call that hands it to the engine and back to the
 * caller: nothing stores it, and {@link #toString()} never shows it, so it cannot leak through a log line by
 * accident.
 */
public final class Password {
    private final String value;

    public Password(String value) {
        Require.nonNull(value, "password");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
        this.value = value;
    }

    /** The plaintext, for the engine call and for the one response that returns it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Password[redacted]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Password that && that.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
