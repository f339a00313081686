package dev.wharf.domain.shared;

import java.util.Objects;

/** Argument checks for compact constructors: a null is a programming error, not a rule violation. */
public final class Require {
    private Require() {}

    public static <T> T nonNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }
}
